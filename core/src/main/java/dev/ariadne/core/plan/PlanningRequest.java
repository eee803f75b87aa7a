package dev.ariadne.core.plan;

import dev.ariadne.core.graph.Entity;
import java.util.Objects;

/**
 * A question to plan for one topic entity. {@code topicMention} is the text in the question that named
 * the topic (it is masked before encoding: names like "Big" or "Love" would pollute the embedding).
 */
public record PlanningRequest(String question, Entity topic, String topicMention, int topK, int maxHops) {
    /** What replaces the topic mention in the masked question. */
    public static final String MASK = "X";

    public PlanningRequest {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be >= 1: " + maxHops);
        }
    }

    /**
     * The question with the topic mention (bracketed or not, any case) replaced by {@link #MASK}, and
     * any remaining square brackets removed.
     */
    public String maskedQuestion() {
        return mask(question, topicMention == null || topicMention.isBlank() ? topic.name() : topicMention);
    }

    /** Masks {@code mention} in {@code question}; shared so training and inference mask identically. */
    public static String mask(String question, String mention) {
        String q = question;
        if (mention != null && !mention.isBlank()) {
            String bracketed = "[" + mention + "]";
            int at = q.indexOf(bracketed);
            if (at >= 0) {
                q = q.substring(0, at) + MASK + q.substring(at + bracketed.length());
            } else {
                int i = indexOfMention(q, mention);
                if (i >= 0) {
                    q = q.substring(0, i) + MASK + q.substring(i + mention.length());
                }
            }
        }
        return q.replace("[", "").replace("]", "").strip();
    }

    /**
     * Where {@code mention} first stands in {@code question}, in any case, or -1. regionMatches, not
     * toLowerCase().indexOf(): lower-casing can change a string's length (e.g. 'İ'), which would shift the cut.
     */
    public static int indexOfMention(String question, String mention) {
        for (int i = 0; i + mention.length() <= question.length(); i++) {
            if (question.regionMatches(true, i, mention, 0, mention.length())) {
                return i;
            }
        }
        return -1;
    }
}
