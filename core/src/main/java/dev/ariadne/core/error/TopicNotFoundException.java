package dev.ariadne.core.error;

import dev.ariadne.core.graph.Entity;
import java.util.List;

/**
 * No span of a question (and no bracketed mention) names an entity of the graph. Carries the entities
 * whose names come closest to the question's words (possibly none), so a caller can suggest them.
 */
public class TopicNotFoundException extends EntityNotFoundException {
    private final String question;
    private final List<Entity> closest;

    public TopicNotFoundException(String question, String detail) {
        this(question, detail, List.of());
    }

    public TopicNotFoundException(String question, String detail, List<Entity> closest) {
        super(question, detail);
        this.question = question;
        this.closest = List.copyOf(closest);
    }

    public String question() {
        return question;
    }

    /** Entities with names closest to the question's words, closest first; empty when none is near. */
    public List<Entity> closest() {
        return closest;
    }
}
