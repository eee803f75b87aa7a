package dev.ariadne.core.link;

/** How a text matched an entity, from most to least certain. */
public enum MatchKind {
    KEY,
    EXACT_NAME,
    CASE_INSENSITIVE_NAME,
    NORMALISED_NAME,
    FULL_TEXT
}
