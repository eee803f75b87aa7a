package dev.ariadne.engine.generate;

import dev.ariadne.core.generate.GroundedEntity;
import dev.ariadne.core.generate.UngroundedEntity;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grounding check: a name the model gives is grounded when it equals the key of an entity on a
 * retrieved path, or its normalised form equals such an entity's normalised name or key. Anything else
 * is ungrounded and never becomes an answer. When a normalised name fits several path entities, the one
 * that ends the most paths wins (answers sit at path ends), then the smallest key, so the choice is
 * deterministic.
 */
final class Grounding {
    private final Map<String, Entity> byKey = new HashMap<>();
    private final Map<String, List<Entity>> byName = new HashMap<>();
    private final Map<Entity, List<ReasoningPath>> endingAt = new HashMap<>();
    private final Map<Entity, List<ReasoningPath>> through = new HashMap<>();

    Grounding(List<PlanEvidence> evidence) {
        for (PlanEvidence e : evidence) {
            for (ReasoningPath p : e.retrieval().paths()) {
                endingAt.computeIfAbsent(p.end(), k -> new ArrayList<>()).add(p);
                for (Entity x : new LinkedHashSet<>(p.entities())) {
                    through.computeIfAbsent(x, k -> new ArrayList<>()).add(p);
                    if (byKey.putIfAbsent(x.key(), x) == null) {
                        addName(EntityNames.normalise(x.name()), x);
                        addName(EntityNames.normalise(x.key()), x);
                    }
                }
            }
        }
    }

    private void addName(String normalised, Entity e) {
        if (normalised.isEmpty()) {
            return;
        }
        List<Entity> l = byName.computeIfAbsent(normalised, k -> new ArrayList<>());
        if (!l.contains(e)) {
            l.add(e);
        }
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The grounded and ungrounded names, in the model's order, each entity once. */
    record Result(List<GroundedEntity> grounded, List<UngroundedEntity> ungrounded) {
    }

    Result check(List<String> names) {
        Map<Entity, GroundedEntity> grounded = new LinkedHashMap<>();
        Set<String> ungroundedSeen = new LinkedHashSet<>();
        for (String name : names) {
            Entity byK = byKey.get(name);
            if (byK != null) {
                grounded.putIfAbsent(byK, new GroundedEntity(name, byK, GroundedEntity.MatchedBy.KEY));
                continue;
            }
            List<Entity> candidates = byName.get(EntityNames.normalise(name));
            if (candidates == null) {
                ungroundedSeen.add(name);
                continue;
            }
            Entity best = null;
            for (Entity c : candidates) {
                if (best == null || ends(c) > ends(best) || (ends(c) == ends(best) && c.key().compareTo(best.key()) < 0)) {
                    best = c;
                }
            }
            grounded.putIfAbsent(best, new GroundedEntity(name, best, GroundedEntity.MatchedBy.NAME));
        }
        List<UngroundedEntity> ungrounded = new ArrayList<>();
        for (String n : ungroundedSeen) {
            ungrounded.add(new UngroundedEntity(n));
        }
        return new Result(List.copyOf(grounded.values()), ungrounded);
    }

    private int ends(Entity e) {
        List<ReasoningPath> l = endingAt.get(e);
        return l == null ? 0 : l.size();
    }

    /**
     * The answer for a grounded entity: the paths that end at it (else those that pass through it), the
     * topics those paths start from, and the path reasoner's score for it (0 when it did not rank it).
     */
    ScoredAnswer answer(Entity e, List<Entity> topics, Map<Entity, ScoredAnswer> pathAnswers) {
        List<ReasoningPath> paths = endingAt.getOrDefault(e, through.get(e));
        Set<Entity> supportingTopics = new LinkedHashSet<>();
        for (ReasoningPath p : paths) {
            if (topics.contains(p.start())) {
                supportingTopics.add(p.start());
            }
        }
        ScoredAnswer ranked = pathAnswers.get(e);
        return new ScoredAnswer(e, ranked == null ? 0.0 : ranked.score(), paths, supportingTopics);
    }
}
