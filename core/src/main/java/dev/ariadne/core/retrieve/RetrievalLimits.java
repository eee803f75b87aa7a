package dev.ariadne.core.retrieve;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one retrieval: at most {@code maxPaths} paths returned, at most {@code maxFrontierPerHop}
 * distinct entities expanded at each hop, and a time budget. {@code keepTopic} keeps paths that end
 * back at the topic entity (dropped by default, as an answer equal to the question's topic is noise).
 */
public record RetrievalLimits(int maxPaths, int maxFrontierPerHop, Duration timeout, boolean keepTopic) {
    public static final RetrievalLimits DEFAULT = new RetrievalLimits(1_000, 10_000, Duration.ofSeconds(5), false);

    public RetrievalLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxPaths < 1) {
            throw new IllegalArgumentException("maxPaths must be >= 1: " + maxPaths);
        }
        if (maxFrontierPerHop < 1) {
            throw new IllegalArgumentException("maxFrontierPerHop must be >= 1: " + maxFrontierPerHop);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public RetrievalLimits withMaxPaths(int n) {
        return new RetrievalLimits(n, maxFrontierPerHop, timeout, keepTopic);
    }

    public RetrievalLimits withMaxFrontierPerHop(int n) {
        return new RetrievalLimits(maxPaths, n, timeout, keepTopic);
    }

    public RetrievalLimits withTimeout(Duration t) {
        return new RetrievalLimits(maxPaths, maxFrontierPerHop, t, keepTopic);
    }

    public RetrievalLimits withKeepTopic(boolean keep) {
        return new RetrievalLimits(maxPaths, maxFrontierPerHop, timeout, keep);
    }
}
