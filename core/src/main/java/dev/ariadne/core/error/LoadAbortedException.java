package dev.ariadne.core.error;

/**
 * A load stopped before the end of its input because it met more malformed lines than allowed. What
 * was committed before the stop is complete and consistent; {@link #committedTriples()} says how much.
 */
public class LoadAbortedException extends InvalidInputException {
    private final long committedTriples;

    public LoadAbortedException(String message, long committedTriples) {
        super(message);
        this.committedTriples = committedTriples;
    }

    /** Relationships created (and committed) before the load stopped. */
    public long committedTriples() {
        return committedTriples;
    }
}
