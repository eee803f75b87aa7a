package dev.ariadne.core.answer;

/** Where a topic entity came from. */
public enum LinkSource {
    /** Passed by the caller ({@code ask(question, topics)} or {@code --topic}). */
    GIVEN,
    /** A {@code [bracketed mention]} in the question. */
    BRACKETED,
    /** A span of the question matched against entity names. */
    SPAN,
    /** The graph's full-text index, used when no span matched a name. */
    FULL_TEXT,
    /**
     * Several entities share the mention's name equally well (a person and a film both called "Tom Jones"):
     * each was planned for, and the one whose best plan was the most probable was kept.
     */
    PLANNED
}
