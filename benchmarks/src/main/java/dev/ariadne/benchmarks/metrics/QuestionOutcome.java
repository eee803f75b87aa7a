package dev.ariadne.benchmarks.metrics;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine did with one benchmark question: its ranked answers, its ranked plans, the time each
 * stage took, and the error message when it failed (a failed question scores zero and counts as empty).
 */
public record QuestionOutcome(KgqaExample example, List<ReturnedAnswer> answers, List<PlanOutcome> plans,
                              QuestionTimings timings, Optional<String> error) {
    public QuestionOutcome {
        Objects.requireNonNull(example, "example");
        answers = List.copyOf(answers);
        plans = List.copyOf(plans);
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(error, "error");
    }

    public static QuestionOutcome failed(KgqaExample example, String message, QuestionTimings timings) {
        return new QuestionOutcome(example, List.of(), List.of(), timings, Optional.of(message));
    }
}
