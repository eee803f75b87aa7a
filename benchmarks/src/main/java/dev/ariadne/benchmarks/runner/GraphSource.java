package dev.ariadne.benchmarks.runner;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.models.training.synthetic.SyntheticOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code --train graph[+SPLIT]} writes its questions: sampled paths per length, an optional relation
 * phrase file, and how many times each labelled question of SPLIT counts.
 */
public record GraphSource(int pathsPerLength, Optional<Path> phrases, int labelledWeight) {
    public GraphSource {
        Objects.requireNonNull(phrases, "phrases");
        if (pathsPerLength < 1 || pathsPerLength > SyntheticOptions.MAX_PATHS_PER_LENGTH) {
            throw new InvalidInputException("--paths-per-length must be in 1.." + SyntheticOptions.MAX_PATHS_PER_LENGTH + ": " + pathsPerLength);
        }
        if (labelledWeight < 0 || labelledWeight > 1000) {
            throw new InvalidInputException("--labelled-weight must be in 1..1000, or 0 for automatic: " + labelledWeight);
        }
        if (phrases.isPresent() && !java.nio.file.Files.isRegularFile(phrases.get())) {
            throw new InvalidInputException("--phrases file not found: " + phrases.get());
        }
    }
}
