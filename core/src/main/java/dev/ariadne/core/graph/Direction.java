package dev.ariadne.core.graph;

/** Which way a relationship is walked: along its stored direction, or against it. */
public enum Direction {
    /** {@code (a)-[:r]->(b)}: written {@code r}. */
    FORWARD,
    /** {@code (a)<-[:r]-(b)}: written {@code ~r}. */
    BACKWARD;

    public Direction reverse() {
        return this == FORWARD ? BACKWARD : FORWARD;
    }
}
