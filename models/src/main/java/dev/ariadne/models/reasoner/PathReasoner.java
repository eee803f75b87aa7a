package dev.ariadne.models.reasoner;

import dev.ariadne.core.reason.Reasoner;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.List;

/**
 * Answers from retrieved paths only: each candidate (an end entity of some retrieved path) is scored by
 * the probability mass of the plans whose paths reach it, averaged over the question's topics; answers
 * reached from more topics rank first, then by score, then by key. The answer set is every candidate
 * reached from the most topics whose score is at least {@code threshold} times the best score (tuned on
 * MetaQA dev; see docs/planner.md). Every answer carries the retrieved paths that reach it, so each is
 * faithful to the graph by construction.
 */
public interface PathReasoner extends Reasoner {
    /** Relative threshold used when none is set (tuned on MetaQA dev-holdout; see docs/planner.md). */
    double DEFAULT_THRESHOLD = 0.05;

    /** One line of English for the chosen answers, e.g. "Ada Quill and Dov Marsh (via directed_by from ...)". */
    String render(List<ScoredAnswer> answers);

    static Builder builder() {
        return new Builder();
    }

    /** Options for a {@link PathReasoner}. */
    final class Builder {
        double threshold = DEFAULT_THRESHOLD;
        int maxSupportingPaths = 100;
        int maxAnswers = 1_000;

        Builder() {
        }

        /** Keep answers scoring at least this fraction of the best answer's score, in (0, 1]. */
        public Builder threshold(double t) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1]: " + t);
            }
            this.threshold = t;
            return this;
        }

        /** Supporting paths kept per answer (the first ones in retrieval order; default 100). */
        public Builder maxSupportingPaths(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxSupportingPaths must be >= 1: " + n);
            }
            this.maxSupportingPaths = n;
            return this;
        }

        /** Answers returned at most (default 1,000). */
        public Builder maxAnswers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAnswers must be >= 1: " + n);
            }
            this.maxAnswers = n;
            return this;
        }

        public PathReasoner build() {
            return new MassReasoner(this);
        }
    }
}
