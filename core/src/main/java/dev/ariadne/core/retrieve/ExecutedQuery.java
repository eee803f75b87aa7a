package dev.ariadne.core.retrieve;

import java.util.Map;

/**
 * The query a retriever ran, for the trace: its text (Cypher, or a procedure call) and parameters.
 * Never holds credentials.
 */
public record ExecutedQuery(String language, String text, Map<String, Object> parameters) {
    public ExecutedQuery {
        parameters = Map.copyOf(parameters);
    }
}
