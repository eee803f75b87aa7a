package dev.ariadne.core.error;

import java.util.List;

/** A relation type that does not exist in the graph; carries the closest existing types. */
public class UnknownRelationException extends InvalidInputException {
    private final String relation;
    private final List<String> closest;

    public UnknownRelationException(String relation, List<String> closest) {
        super("unknown relation type '" + relation + "': not in the graph"
                + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"));
        this.relation = relation;
        this.closest = List.copyOf(closest);
    }

    public String relation() {
        return relation;
    }

    public List<String> closest() {
        return closest;
    }
}
