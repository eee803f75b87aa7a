package dev.ariadne.core.generate;

import java.util.Objects;

/**
 * One request to the language model.
 *
 * @param attempt      1 for the first call, 2 for the first retry, ...
 * @param millis       wall-clock latency of the call
 * @param inputTokens  prompt tokens the server reported, or null when it reported none
 * @param outputTokens completion tokens the server reported, or null
 * @param outcome      how the call ended
 * @param error        what went wrong, for any outcome but OK (never holds a credential); null for OK
 */
public record ModelCall(int attempt, long millis, Integer inputTokens, Integer outputTokens, Outcome outcome, String error) {
    public enum Outcome {
        /** A reply came back (it may still be unparseable; the generation says so). */
        OK,
        /** HTTP 429 or another rate limit: retried. */
        RATE_LIMITED,
        /** The call exceeded its timeout: retried. */
        TIMEOUT,
        /** A server error (HTTP 5xx): retried. */
        SERVER_ERROR,
        /** Any other failure (authentication, bad request, no choices...): not retried. */
        FAILED
    }

    public ModelCall {
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        if ((outcome == Outcome.OK) != (error == null)) {
            throw new IllegalArgumentException("error is set exactly when the outcome is not OK: " + outcome);
        }
    }
}
