package dev.ariadne.benchmarks.metrics;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.core.graph.RelationPath;
import java.util.Optional;

/**
 * Every per-question figure the report aggregates.
 *
 * @param byKey answer scores matching entity keys
 * @param byName answer scores matching names ignoring case
 * @param pathCorrect whether the top plan equals a gold relation path; empty when the dataset gives none
 * @param plans plans the engine chose
 * @param invalidPlans of those, plans that found no path in the graph
 * @param returned distinct answers returned
 * @param backed of those, answers backed by at least one retrieved path
 */
public record QuestionScore(KgqaExample example, AnswerScores byKey, AnswerScores byName,
                            Optional<Boolean> pathCorrect, int plans, int invalidPlans, int returned, int backed,
                            boolean failed, QuestionTimings timings) {

    public boolean empty() {
        return returned == 0;
    }

    public static QuestionScore of(QuestionOutcome o) {
        KgqaExample e = o.example();
        Optional<Boolean> pathCorrect = Optional.empty();
        if (!e.goldPaths().isEmpty()) {
            RelationPath top = o.plans().isEmpty() ? null : o.plans().get(0).path();
            pathCorrect = Optional.of(top != null && e.goldPaths().contains(top));
        }
        int invalid = (int) o.plans().stream().filter(p -> !p.foundInGraph()).count();
        long distinct = o.answers().stream().map(ReturnedAnswer::key).distinct().count();
        long backed = o.answers().stream().filter(ReturnedAnswer::backedByPath).map(ReturnedAnswer::key).distinct()
                .count();
        return new QuestionScore(e, AnswerScores.score(o.answers(), e.answers(), MatchMode.KEY),
                AnswerScores.score(o.answers(), e.answers(), MatchMode.NAME_IGNORE_CASE), pathCorrect,
                o.plans().size(), invalid, (int) distinct, (int) backed, o.error().isPresent(), o.timings());
    }
}
