package dev.ariadne.core.error;

/** User-supplied text (a relation, a path, a config value, a data line) was not what was expected. */
public class InvalidInputException extends AriadneException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
