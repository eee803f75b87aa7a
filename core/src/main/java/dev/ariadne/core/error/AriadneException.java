package dev.ariadne.core.error;

/**
 * Root of every exception Ariadne throws on purpose. Callers that want to react to a specific failure
 * catch one of the subclasses; callers that only want "Ariadne said no" catch this.
 */
public class AriadneException extends RuntimeException {
    public AriadneException(String message) {
        super(message);
    }

    public AriadneException(String message, Throwable cause) {
        super(message, cause);
    }
}
