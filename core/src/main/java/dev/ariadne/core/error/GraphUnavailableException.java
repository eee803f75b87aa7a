package dev.ariadne.core.error;

/** The graph database could not be reached or opened. */
public class GraphUnavailableException extends AriadneException {
    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
