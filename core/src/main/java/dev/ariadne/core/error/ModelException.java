package dev.ariadne.core.error;

/** A model file could not be loaded, verified or run, or does not fit the graph it is used with. */
public class ModelException extends AriadneException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
