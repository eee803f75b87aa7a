package dev.ariadne.core.reason;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import java.util.List;
import java.util.Set;

/**
 * A candidate answer with its score and the retrieved paths that support it (never empty: an answer
 * with no supporting path is not returned), and which topics reach it.
 */
public record ScoredAnswer(Entity entity, double score, List<ReasoningPath> supportingPaths, Set<Entity> supportingTopics) {
    public ScoredAnswer {
        supportingPaths = List.copyOf(supportingPaths);
        supportingTopics = Set.copyOf(supportingTopics);
        if (supportingPaths.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one supporting path: " + entity);
        }
    }
}
