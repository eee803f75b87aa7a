package dev.ariadne.models.training;


/**
 * Training settings. Built with {@link #builder()}; every setter rejects bad values at once.
 *
 * @param exploreWidth prefixes expanded per hop when collecting candidate paths for one question (the
 *                     gold path's prefixes always are; the rest are drawn with the seed)
 * @param maxCandidates candidate paths per question in the softmax (gold, hard negatives, then others)
 */
public record TrainingOptions(long seed, int epochs, int batchSize, double learningRate, double l2, double initialScale,
                              int maxHops, int maxCandidates, int exploreWidth, double validationFraction, int beamWidth,
                              int threads, int weakSupervisionMaxPaths, int hopRank, double questionNoise, int minSteps,
                              double compositionRate) {
    public static TrainingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long seed = 42;
        private int epochs = 6;
        private int batchSize = 64;
        private double learningRate = 2e-3;
        private double l2 = 1e-6;
        private double initialScale = 20;
        private int maxHops = 3;
        private int maxCandidates = 512;
        private int exploreWidth = 8;
        private double validationFraction = 0.1;
        private int beamWidth = 16;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int weakSupervisionMaxPaths = 10_000;
        private int hopRank = 32;
        private double questionNoise = 0.5;
        private int minSteps = 1_000;
        private double compositionRate = 1.0;

        private static int positive(String name, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be >= 1: " + v);
            }
            return v;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = positive("epochs", epochs);
            return this;
        }

        public Builder batchSize(int size) {
            this.batchSize = positive("batchSize", size);
            return this;
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0 && lr < 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1): " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder l2(double l2) {
            if (!(l2 >= 0 && l2 < 1)) {
                throw new IllegalArgumentException("l2 must be in [0, 1): " + l2);
            }
            this.l2 = l2;
            return this;
        }

        /** Scale of the identity the whole-path map starts from (an inverse temperature over cosines). */
        public Builder initialScale(double scale) {
            if (!(scale > 0 && scale <= 1000)) {
                throw new IllegalArgumentException("initialScale must be in (0, 1000]: " + scale);
            }
            this.initialScale = scale;
            return this;
        }

        public Builder maxHops(int hops) {
            if (hops < 1 || hops > 8) {
                throw new IllegalArgumentException("maxHops must be in 1..8: " + hops);
            }
            this.maxHops = hops;
            return this;
        }

        public Builder maxCandidates(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("maxCandidates must be >= 2: " + n);
            }
            this.maxCandidates = n;
            return this;
        }

        public Builder exploreWidth(int n) {
            this.exploreWidth = positive("exploreWidth", n);
            return this;
        }

        /** Share of the examples held out to calibrate probabilities and report metrics (0 to 0.5). */
        public Builder validationFraction(double f) {
            if (!(f >= 0 && f <= 0.5)) {
                throw new IllegalArgumentException("validationFraction must be in [0, 0.5]: " + f);
            }
            this.validationFraction = f;
            return this;
        }

        public Builder beamWidth(int w) {
            this.beamWidth = positive("beamWidth", w);
            return this;
        }

        /** Worker threads for the gradient maths; results do not depend on it. */
        public Builder threads(int n) {
            this.threads = positive("threads", n);
            return this;
        }

        /** Paths retrieved per candidate when finding weak-supervision paths from gold answers. */
        public Builder weakSupervisionMaxPaths(int n) {
            this.weakSupervisionMaxPaths = positive("weakSupervisionMaxPaths", n);
            return this;
        }

        /** Rank of each per-hop, position-specific slot of the scoring head (default 32). */
        public Builder hopRank(int rank) {
            if (rank < 1 || rank > 384) {
                throw new IllegalArgumentException("hopRank must be in 1..384: " + rank);
            }
            this.hopRank = rank;
            return this;
        }

        /**
         * Norm of the Gaussian noise added to each question vector in training (re-drawn per epoch from the
         * seed; 0 = off; default 0.5): a cheap augmentation towards wordings never seen in training.
         */
        public Builder questionNoise(double norm) {
            if (!(norm >= 0 && norm <= 2)) {
                throw new IllegalArgumentException("questionNoise must be in [0, 2]: " + norm);
            }
            this.questionNoise = norm;
            return this;
        }

        /**
         * At least this many optimiser steps, however few the examples: small training sets get more
         * epochs (default 1,000 steps).
         */
        public Builder minSteps(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("minSteps must be >= 0: " + steps);
            }
            this.minSteps = steps;
            return this;
        }

        /**
         * Synthetic compositions added to the training split, as a share of the training examples (0 = off;
         * default 1): when an inner question's gold answers include an outer question's topic, the outer
         * question with the inner one written in place of its topic mask is a question for the inner path
         * followed by the outer one, from the inner topic. Made only when no training question reaches
         * {@code maxHops}, then of every length up to it: this is what teaches a planner trained on 1- and
         * 2-hop questions the stop decision and the hop roles of longer paths (see docs/planner.md).
         */
        public Builder compositionRate(double rate) {
            if (!(rate >= 0 && rate <= 4)) {
                throw new IllegalArgumentException("compositionRate must be in [0, 4]: " + rate);
            }
            this.compositionRate = rate;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(seed, epochs, batchSize, learningRate, l2, initialScale, maxHops, maxCandidates,
                    exploreWidth, validationFraction, beamWidth, threads, weakSupervisionMaxPaths, hopRank, questionNoise, minSteps,
                    compositionRate);
        }
    }
}
