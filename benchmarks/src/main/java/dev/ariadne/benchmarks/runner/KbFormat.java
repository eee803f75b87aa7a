package dev.ariadne.benchmarks.runner;

/** How a knowledge-base file separates its fields. */
public enum KbFormat {
    /** {@code subject|relation|object} (MetaQA). */
    PIPE,
    /** {@code subject<TAB>relation<TAB>object} (IRN, and the default for JSON-lines datasets). */
    TAB
}
