package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.error.QueryTimeoutException;
import java.time.Duration;

/** A point in time after which a query gives up with {@link QueryTimeoutException}. */
public final class Deadline {
    private final Duration budget;
    private final long deadlineNanos;
    private final String what;

    private Deadline(String what, Duration budget) {
        this.what = what;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline in(String what, Duration budget) {
        return new Deadline(what, budget);
    }

    public void check() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new QueryTimeoutException(what, budget, null);
        }
    }

    public Duration budget() {
        return budget;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    public QueryTimeoutException timeout(Throwable cause) {
        return new QueryTimeoutException(what, budget, cause);
    }
}
