package dev.ariadne.connect;

import dev.ariadne.core.error.GraphUnavailableException;
import java.util.Objects;
import java.util.function.Supplier;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Runs a read of an embedded database again when a concurrent write spoiled it. Neo4j 5's record store
 * lets a reader follow a relationship chain while a writer relinks it; the reader then fails with a
 * {@link TransientFailureException} ("the transaction read outdated data ... Retry the transaction"), which
 * is not a fault of the graph or of the question. Each attempt must open its own transaction, so a retry
 * reads the graph as committed after that write.
 */
public final class ReadRetry {
    /** Attempts before giving up: a read loses a race only with a write applied during it, so a few suffice. */
    static final int MAX_ATTEMPTS = 10;

    private ReadRetry() {
    }

    /**
     * The value of {@code attempt}, run again (up to {@value #MAX_ATTEMPTS} times in all) while it fails with
     * a transient failure; then a {@link GraphUnavailableException} naming {@code what}. Other exceptions
     * pass through at once.
     */
    public static <T> T attempts(String what, Supplier<T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (TransientFailureException e) {
                if (i >= MAX_ATTEMPTS) {
                    throw new GraphUnavailableException(what + " failed " + MAX_ATTEMPTS
                            + " times in a row because concurrent writes changed what it read: " + e.getMessage(), e);
                }
                pause(i, what, e);
            }
        }
    }

    /** Backs off a little longer each time, so a long write transaction can finish being applied. */
    private static void pause(int attempt, String what, TransientFailureException cause) {
        try {
            Thread.sleep(Math.min(50, attempt * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            GraphUnavailableException e = new GraphUnavailableException(what
                    + " was interrupted while waiting to retry after a concurrent write: " + cause.getMessage(), cause);
            e.addSuppressed(interrupted);
            throw e;
        }
    }
}
