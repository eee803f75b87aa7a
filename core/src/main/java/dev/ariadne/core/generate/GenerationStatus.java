package dev.ariadne.core.generate;

/** What a generating reasoner's answer rests on. */
public enum GenerationStatus {
    /** The answers are the entities the model named that were found in the retrieved paths. */
    GROUNDED,
    /** The model failed or named nothing found in the paths: the answers are the path reasoner's. */
    FALLBACK,
    /** Nothing was retrieved, so the model was not called (the path reasoner's no-answer stands). */
    SKIPPED
}
