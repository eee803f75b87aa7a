package dev.ariadne.core.error;

import java.time.Duration;

/** A graph query ran past its time budget. */
public class QueryTimeoutException extends AriadneException {
    private final Duration budget;

    public QueryTimeoutException(String what, Duration budget, Throwable cause) {
        super(what + " ran past its time budget of " + budget.toMillis() + " ms", cause);
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
