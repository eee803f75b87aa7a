package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.error.InvalidInputException;

/**
 * How many questions to write from the graph: {@code pathsPerLength} sampled paths of each length
 * 1..{@code maxHops}, {@code questionsPerPath} grammar wordings of each, {@code noise} the share of
 * questions written with noise, the seed, and the graph's {@code classNouns} ({@link ClassNouns}, none by
 * default). Build with {@link #builder()}; bad values are rejected at
 * once, naming the option.
 */
public record SyntheticOptions(int maxHops, int pathsPerLength, int questionsPerPath, double noise, long seed,
                               java.util.List<String> classNouns) {
    public static final int DEFAULT_PATHS_PER_LENGTH = 4_000;
    /** The most paths per length a run may ask for; the CLI and the bench check against it too. */
    public static final int MAX_PATHS_PER_LENGTH = 1_000_000;

    public SyntheticOptions {
        if (maxHops < 1 || maxHops > 8) {
            throw new InvalidInputException("--hops must be within 1..8, got " + maxHops);
        }
        if (pathsPerLength < 1 || pathsPerLength > MAX_PATHS_PER_LENGTH) {
            throw new InvalidInputException("--paths-per-length must be within 1.." + MAX_PATHS_PER_LENGTH + ", got " + pathsPerLength);
        }
        if (questionsPerPath < 1 || questionsPerPath > 20) {
            throw new InvalidInputException("--questions-per-path must be within 1..20, got " + questionsPerPath);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new InvalidInputException("--question-noise must be within 0..1, got " + noise);
        }
        classNouns = java.util.List.copyOf(classNouns);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int maxHops = 3;
        private int pathsPerLength = DEFAULT_PATHS_PER_LENGTH;
        private int questionsPerPath = 3;
        private double noise = 0.3;
        private long seed = 42;
        private java.util.List<String> classNouns = java.util.List.of();

        public Builder maxHops(int v) {
            maxHops = v;
            return this;
        }

        public Builder pathsPerLength(int v) {
            pathsPerLength = v;
            return this;
        }

        public Builder questionsPerPath(int v) {
            questionsPerPath = v;
            return this;
        }

        public Builder noise(double v) {
            noise = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder classNouns(java.util.List<String> v) {
            classNouns = v;
            return this;
        }

        public SyntheticOptions build() {
            return new SyntheticOptions(maxHops, pathsPerLength, questionsPerPath, noise, seed, classNouns);
        }
    }
}
