package dev.ariadne.core.graph;

import java.util.Objects;

/** One fact of a knowledge graph as read from a source file: subject key, relation type, object key. */
public record Triple(String subject, String relation, String object) {
    public Triple {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
    }

    @Override
    public String toString() {
        return subject + " -" + relation + "-> " + object;
    }
}
