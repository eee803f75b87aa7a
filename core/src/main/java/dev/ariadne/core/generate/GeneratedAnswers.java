package dev.ariadne.core.generate;

import dev.ariadne.core.reason.ScoredAnswer;
import java.util.List;
import java.util.Objects;

/** The answers a generator settled on (each backed by retrieved paths) and the record of how. */
public record GeneratedAnswers(List<ScoredAnswer> answers, Generation generation) {
    public GeneratedAnswers {
        answers = List.copyOf(answers);
        Objects.requireNonNull(generation, "generation");
    }
}
