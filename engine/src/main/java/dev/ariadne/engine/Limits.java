package dev.ariadne.engine;

import dev.ariadne.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How much work one question may cost: relation paths planned per topic, entity-level paths kept per
 * plan, hops per path, entities expanded per hop, the time for one retrieval query and for the whole
 * question. Immutable; {@link #builder()} rejects a bad value when it is set.
 */
public record Limits(int plansPerQuestion, int pathsPerPlan, int maxHops, int frontierPerHop, Duration queryTimeout,
                     Duration questionTimeout, double minPlanProbability, double minConfidence) {
    public static final Limits DEFAULT = builder().build();
    /** The abstention threshold {@code ariadne ask} uses unless {@code --min-confidence} says otherwise. */
    public static final double CLI_MIN_CONFIDENCE = 0.1;

    public Limits {
        check(plansPerQuestion >= 1 && plansPerQuestion <= 100, "plansPerQuestion must be in 1..100: " + plansPerQuestion);
        check(pathsPerPlan >= 1, "pathsPerPlan must be >= 1: " + pathsPerPlan);
        check(maxHops >= 1 && maxHops <= 6, "maxHops must be in 1..6: " + maxHops);
        check(frontierPerHop >= 1, "frontierPerHop must be >= 1: " + frontierPerHop);
        check(queryTimeout != null && queryTimeout.toMillis() > 0, "queryTimeout must be positive: " + queryTimeout);
        check(questionTimeout != null && questionTimeout.toMillis() > 0, "questionTimeout must be positive: " + questionTimeout);
        check(minPlanProbability >= 0 && minPlanProbability < 1, "minPlanProbability must be in [0, 1): " + minPlanProbability);
        check(minConfidence >= 0 && minConfidence <= 1, "minConfidence must be in [0, 1]: " + minConfidence);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.plansPerQuestion = plansPerQuestion;
        b.pathsPerPlan = pathsPerPlan;
        b.maxHops = maxHops;
        b.frontierPerHop = frontierPerHop;
        b.queryTimeout = queryTimeout;
        b.questionTimeout = questionTimeout;
        b.minPlanProbability = minPlanProbability;
        b.minConfidence = minConfidence;
        return b;
    }

    /**
     * Defaults: 5 plans per topic, 1,000 paths per plan, 3 hops, 10,000 entities per hop, 5 s per query,
     * 30 s per question, plans under 1% probability not retrieved (each topic's best plan always is), and no
     * abstention (minConfidence 0; the CLI's {@code ask} abstains below {@value #CLI_MIN_CONFIDENCE}).
     */
    public static final class Builder {
        private int plansPerQuestion = 5;
        private int pathsPerPlan = 1_000;
        private int maxHops = 3;
        private int frontierPerHop = 10_000;
        private Duration queryTimeout = Duration.ofSeconds(5);
        private Duration questionTimeout = Duration.ofSeconds(30);
        private double minPlanProbability = 0.01;
        private double minConfidence = 0.0;

        private Builder() {
        }

        public Builder plansPerQuestion(int n) {
            check(n >= 1 && n <= 100, "plansPerQuestion must be in 1..100: " + n);
            plansPerQuestion = n;
            return this;
        }

        public Builder pathsPerPlan(int n) {
            check(n >= 1, "pathsPerPlan must be >= 1: " + n);
            pathsPerPlan = n;
            return this;
        }

        public Builder maxHops(int n) {
            check(n >= 1 && n <= 6, "maxHops must be in 1..6: " + n);
            maxHops = n;
            return this;
        }

        public Builder frontierPerHop(int n) {
            check(n >= 1, "frontierPerHop must be >= 1: " + n);
            frontierPerHop = n;
            return this;
        }

        public Builder queryTimeout(Duration d) {
            check(d != null && d.toMillis() > 0, "queryTimeout must be positive: " + d);
            queryTimeout = d;
            return this;
        }

        public Builder questionTimeout(Duration d) {
            check(d != null && d.toMillis() > 0, "questionTimeout must be positive: " + d);
            questionTimeout = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Plans with a lower probability are left out of retrieval and reasoning (each topic's best plan
         * is always kept); 0 keeps every plan. Default 0.01: such plans almost never change the answer
         * but cost a query each.
         */
        public Builder minPlanProbability(double p) {
            check(p >= 0 && p < 1, "minPlanProbability must be in [0, 1): " + p);
            minPlanProbability = p;
            return this;
        }

        /**
         * Abstain (answer nothing, saying why in the trace) when the best plan's probability is below this: a
         * planner's probabilities are scaled by how much of the question it can read, so a question in another
         * language or made of words training never met falls under it. 0 (the default) never abstains.
         */
        public Builder minConfidence(double c) {
            check(c >= 0 && c <= 1, "minConfidence must be in [0, 1]: " + c);
            minConfidence = c;
            return this;
        }

        public Limits build() {
            return new Limits(plansPerQuestion, pathsPerPlan, maxHops, frontierPerHop, queryTimeout, questionTimeout,
                    minPlanProbability, minConfidence);
        }
    }
}
