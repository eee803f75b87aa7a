package dev.ariadne.benchmarks.metrics;

import java.util.Objects;

/**
 * One answer the engine returned, in rank order.
 *
 * @param key the answer entity's key (what gold answers are matched against)
 * @param name its display name (matched ignoring case, reported beside key matching)
 * @param backedByPath whether at least one retrieved reasoning path ends at it
 */
public record ReturnedAnswer(String key, String name, boolean backedByPath) {
    public ReturnedAnswer {
        Objects.requireNonNull(key, "key");
        name = name == null ? key : name;
    }
}
