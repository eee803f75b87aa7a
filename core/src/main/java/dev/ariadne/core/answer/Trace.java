package dev.ariadne.core.answer;

import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.plan.DroppedProposal;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that led from a question to its answer, in pipeline order: the question, every span the
 * linker considered ({@code mentions}, with each candidate and score), the chosen topics, the plans with
 * their probabilities and the exact query each one ran with what it retrieved (truncation included),
 * the answers with the paths and topics that support each one, when there is no answer, why, and, when
 * a language model wrote the answer, what it said and which of its entities the paths support; when a
 * language model planned, the proposals the graph check dropped ({@code droppedProposals}, else empty).
 *
 * <p>Serialised as JSON by the engine under schema {@link #SCHEMA_VERSION} (docs/trace-schema.md).
 */
public record Trace(String question, List<MentionCandidates> mentions, List<TopicLink> topics,
                    List<TracedRetrieval> retrievals, List<ScoredAnswer> answers, NoAnswer noAnswer,
                    Generation generation, List<DroppedProposal> droppedProposals) {
    /** Bumped whenever the JSON form changes incompatibly. */
    public static final String SCHEMA_VERSION = "1.0";

    public Trace {
        Objects.requireNonNull(question, "question");
        mentions = List.copyOf(mentions);
        topics = List.copyOf(topics);
        retrievals = List.copyOf(retrievals);
        answers = List.copyOf(answers);
        droppedProposals = droppedProposals == null ? List.of() : List.copyOf(droppedProposals);
        if (answers.isEmpty() && noAnswer == null) {
            throw new IllegalArgumentException("a trace without answers must say why (noAnswer)");
        }
        if (!answers.isEmpty() && noAnswer != null) {
            throw new IllegalArgumentException("a trace with answers has no noAnswer reason");
        }
    }

    /** A trace without dropped proposals (every planner but a proposing one). */
    public Trace(String question, List<MentionCandidates> mentions, List<TopicLink> topics,
                 List<TracedRetrieval> retrievals, List<ScoredAnswer> answers, NoAnswer noAnswer, Generation generation) {
        this(question, mentions, topics, retrievals, answers, noAnswer, generation, List.of());
    }

    /** A trace without generation (the path reasoner's answer; generation off). */
    public Trace(String question, List<MentionCandidates> mentions, List<TopicLink> topics,
                 List<TracedRetrieval> retrievals, List<ScoredAnswer> answers, NoAnswer noAnswer) {
        this(question, mentions, topics, retrievals, answers, noAnswer, null);
    }

    /** What the generating reasoner did, when generation is on (docs/generation.md). */
    public Optional<Generation> generationRecord() {
        return Optional.ofNullable(generation);
    }

    public Optional<NoAnswer> noAnswerReason() {
        return Optional.ofNullable(noAnswer);
    }

    public List<Entity> topicEntities() {
        List<Entity> out = new ArrayList<>(topics.size());
        for (TopicLink t : topics) {
            out.add(t.entity());
        }
        return out;
    }

    /** The distinct paths that support at least one answer, in answer order: the subgraph to draw. */
    public List<ReasoningPath> supportingPaths() {
        Set<ReasoningPath> seen = new LinkedHashSet<>();
        for (ScoredAnswer a : answers) {
            seen.addAll(a.supportingPaths());
        }
        return List.copyOf(seen);
    }
}
