package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.metrics.PlanOutcome;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.metrics.QuestionTimings;
import dev.ariadne.benchmarks.metrics.ReturnedAnswer;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an engine {@link Answer} into the runner's {@link QuestionOutcome}. Faithfulness is checked here,
 * independently of the engine's own guarantee: an answer counts as backed only when a path the trace
 * says was retrieved starts at one of the question's topics and ends at that answer.
 */
final class AnswerConversion {
    private AnswerConversion() {
    }

    static QuestionOutcome toOutcome(KgqaExample example, Answer answer) {
        return toOutcome(example, answer, false);
    }

    /**
     * @param byName match answers with the gold answers by display name (an existing graph, whose keys are its
     *               own): the returned answer's key is then its name
     */
    static QuestionOutcome toOutcome(KgqaExample example, Answer answer, boolean byName) {
        Set<String> topics = new HashSet<>();
        answer.trace().topicEntities().forEach(e -> topics.add(e.key()));
        Set<String> reachable = new HashSet<>();
        for (TracedRetrieval r : answer.trace().retrievals()) {
            for (ReasoningPath p : r.paths()) {
                if (topics.isEmpty() || topics.contains(p.start().key())) {
                    reachable.add(p.end().key());
                }
            }
        }
        List<ReturnedAnswer> answers = new ArrayList<>(answer.answers().size());
        for (ScoredAnswer a : answer.answers()) {
            answers.add(new ReturnedAnswer(byName ? a.entity().name() : a.entity().key(), a.entity().name(),
                    reachable.contains(a.entity().key())));
        }
        List<TracedRetrieval> byProbability = new ArrayList<>(answer.trace().retrievals());
        byProbability.sort(Comparator.comparingDouble((TracedRetrieval r) -> r.plan().probability()).reversed());
        List<PlanOutcome> plans = new ArrayList<>(byProbability.size());
        for (TracedRetrieval r : byProbability) {
            plans.add(new PlanOutcome(r.plan().path(), r.pathsFound() > 0 || !r.paths().isEmpty()));
        }
        return new QuestionOutcome(example, answers, plans, timings(answer.timings()), Optional.empty());
    }

    static QuestionTimings timings(StageTimings t) {
        return new QuestionTimings(t.linkMicros() * 1_000, t.planMicros() * 1_000, t.retrieveMicros() * 1_000,
                t.reasonMicros() * 1_000, t.totalMicros() * 1_000);
    }
}
