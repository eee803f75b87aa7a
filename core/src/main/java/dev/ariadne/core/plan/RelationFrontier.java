package dev.ariadne.core.plan;

import dev.ariadne.core.graph.DirectedRelation;

/**
 * A directed relation that can be followed from the current frontier, and how many distinct entities
 * following it reaches. Only relations with at least one edge on the frontier are ever reported.
 */
public record RelationFrontier(DirectedRelation relation, long frontierSize) {
    public RelationFrontier {
        if (frontierSize < 1) {
            throw new IllegalArgumentException("a reported relation reaches at least one entity: " + frontierSize);
        }
    }
}
