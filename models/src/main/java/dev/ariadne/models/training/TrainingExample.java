package dev.ariadne.models.training;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One question to learn from: the question text, its topic entity and how the question names it, the
 * gold answers' entity keys, and the gold relation path when the dataset gives one (null: found by weak
 * supervision, as RoG does).
 */
public record TrainingExample(String question, Entity topic, String topicMention, Set<String> answers, RelationPath goldPath) {
    public TrainingExample {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
        answers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(answers));
        if (goldPath != null && goldPath.isEmpty()) {
            throw new IllegalArgumentException("a gold path must have at least one hop: " + question);
        }
        if (answers.isEmpty() && goldPath == null) {
            throw new IllegalArgumentException("a training example needs gold answers or a gold path: " + question);
        }
    }

    /** The question with the topic masked, exactly as the planner sees it at inference. */
    public String maskedQuestion() {
        return dev.ariadne.core.plan.PlanningRequest.mask(question,
                topicMention == null || topicMention.isBlank() ? topic.name() : topicMention);
    }

    /** Stable text for the training-data checksum. */
    String canonical() {
        return question + '\t' + topic.key() + '\t' + (topicMention == null ? "" : topicMention) + '\t'
                + String.join("|", answers) + '\t' + (goldPath == null ? "" : goldPath.format()) + '\n';
    }
}
