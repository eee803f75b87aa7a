package dev.ariadne.core.plan;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One relation path proposed for a topic, with the planner's calibrated probability for it.
 *
 * @param untrainedRelations the relation types on the path that the trained planner never met in training
 *                           (scored through their verbalisation alone); empty for a zero-shot planner, and when
 *                           training met them all. The trace shows them so a user knows which plans rest on
 *                           transfer rather than on training.
 * @param proposal           for a plan a language model proposed, what it proposed and how the graph check
 *                           repaired it (null for scoring planners)
 */
public record Plan(Entity topic, RelationPath path, double probability, Set<String> untrainedRelations, PlanProposal proposal) {
    public Plan {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(path, "path");
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
        }
        untrainedRelations = untrainedRelations == null || untrainedRelations.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(untrainedRelations));
    }

    /** A plan from a scoring planner (no proposal to record). */
    public Plan(Entity topic, RelationPath path, double probability, Set<String> untrainedRelations) {
        this(topic, path, probability, untrainedRelations, null);
    }

    /** A plan every relation of which the planner met in training (or a zero-shot plan). */
    public Plan(Entity topic, RelationPath path, double probability) {
        this(topic, path, probability, Set.of());
    }
}
