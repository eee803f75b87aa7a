package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;

/**
 * The database refused a batch for what it holds (a constraint, an index limit), while it is itself
 * still available: the load retries the batch line by line so that only the offending lines are lost.
 * A database that is gone is a {@link dev.ariadne.core.error.GraphUnavailableException} instead.
 */
final class WriteRejectedException extends InvalidInputException {
    WriteRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
