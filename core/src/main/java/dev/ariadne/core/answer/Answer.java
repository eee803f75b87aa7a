package dev.ariadne.core.answer;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of asking one question: the answers ranked best first with their scores and supporting
 * paths (each also says which topics reach it), the plans with their probabilities, the time spent per
 * stage, and the full {@link Trace}. An empty answer list is a normal outcome; {@link #noAnswer()} says
 * why. Immutable.
 */
public record Answer(String question, List<ScoredAnswer> answers, List<Plan> plans, StageTimings timings, Trace trace) {
    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(trace, "trace");
        answers = List.copyOf(answers);
        plans = List.copyOf(plans);
    }

    /** Builds the answer from its trace, which already holds the answers and the plans. */
    public static Answer of(Trace trace, StageTimings timings) {
        List<Plan> plans = new ArrayList<>();
        for (TracedRetrieval r : trace.retrievals()) {
            plans.add(r.plan());
        }
        return new Answer(trace.question(), trace.answers(), plans, timings, trace);
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    public Optional<ScoredAnswer> best() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(0));
    }

    public List<Entity> entities() {
        List<Entity> out = new ArrayList<>(answers.size());
        for (ScoredAnswer a : answers) {
            out.add(a.entity());
        }
        return out;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(answers.size());
        for (ScoredAnswer a : answers) {
            out.add(a.entity().name());
        }
        return out;
    }

    public Optional<NoAnswer> noAnswer() {
        return trace.noAnswerReason();
    }

    /**
     * The language model's answer sentence when generation is on and its answer was grounded (never an
     * ungrounded one: those fall back to {@link #sentence()}); empty otherwise.
     */
    public Optional<String> generatedText() {
        return trace.generationRecord()
                .filter(g -> g.status() == dev.ariadne.core.generate.GenerationStatus.GROUNDED && g.text() != null)
                .map(dev.ariadne.core.generate.Generation::text);
    }

    /** A one-line reply: "Greek", "Greek and Italian", "A, B and 3 more", or "No answer: ...". */
    public String sentence() {
        if (answers.isEmpty()) {
            return "No answer: " + trace.noAnswer().detail();
        }
        List<String> n = names();
        int shown = Math.min(n.size(), 5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == n.size() ? " and " : ", ");
            }
            sb.append(n.get(i));
        }
        if (n.size() > shown) {
            sb.append(" and ").append(n.size() - shown).append(" more");
        }
        return sb.toString();
    }
}
