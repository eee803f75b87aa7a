package dev.ariadne.models.reasoner;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Plan-probability-mass reasoner; see {@link PathReasoner}. */
final class MassReasoner implements PathReasoner {
    private final double threshold;
    private final int maxSupportingPaths;
    private final int maxAnswers;

    MassReasoner(PathReasoner.Builder b) {
        this.threshold = b.threshold;
        this.maxSupportingPaths = b.maxSupportingPaths;
        this.maxAnswers = b.maxAnswers;
    }

    private static final class Candidate {
        final Entity entity;
        final Map<Entity, Double> massByTopic = new TreeMap<>();
        final List<ReasoningPath> paths = new ArrayList<>();
        int pathCount;

        Candidate(Entity entity) {
            this.entity = entity;
        }
    }

    @Override
    public List<ScoredAnswer> reason(List<Entity> topics, List<PlanEvidence> evidence) {
        Set<Entity> topicSet = new LinkedHashSet<>(topics);
        if (topicSet.isEmpty()) {
            for (PlanEvidence e : evidence) {
                topicSet.add(e.plan().topic());
            }
        }
        if (topicSet.isEmpty()) {
            return List.of();
        }
        Map<String, Candidate> byKey = new HashMap<>();
        for (PlanEvidence e : evidence) {
            Plan plan = e.plan();
            Set<String> reachedByThisPlan = new HashSet<>();
            for (ReasoningPath p : e.retrieval().paths()) {
                Entity end = p.end();
                Candidate c = byKey.computeIfAbsent(end.key(), k -> new Candidate(end));
                if (reachedByThisPlan.add(end.key())) {
                    // a plan's probability counts once per answer, however many of its paths reach it
                    c.massByTopic.merge(plan.topic(), plan.probability(), Double::sum);
                }
                c.pathCount++;
                if (c.paths.size() < maxSupportingPaths) {
                    c.paths.add(p);
                }
            }
        }
        if (byKey.isEmpty()) {
            return List.of();
        }
        int nTopics = topicSet.size();
        List<ScoredAnswer> all = new ArrayList<>(byKey.size());
        for (Candidate c : byKey.values()) {
            double mass = 0;
            for (double m : c.massByTopic.values()) {
                mass += Math.min(1.0, m);
            }
            all.add(new ScoredAnswer(c.entity, mass / nTopics, c.paths, c.massByTopic.keySet()));
        }
        all.sort(Comparator.<ScoredAnswer>comparingInt(a -> -a.supportingTopics().size())
                .thenComparingDouble(a -> -a.score())
                .thenComparing(a -> a.entity().key()));
        ScoredAnswer best = all.get(0);
        int mostTopics = best.supportingTopics().size();
        double cut = best.score() * threshold;
        List<ScoredAnswer> chosen = new ArrayList<>();
        for (ScoredAnswer a : all) {
            if (a.supportingTopics().size() < mostTopics || a.score() < cut - 1e-12 || chosen.size() >= maxAnswers) {
                break;
            }
            chosen.add(a);
        }
        return chosen;
    }

    @Override
    public String render(List<ScoredAnswer> answers) {
        if (answers.isEmpty()) {
            return "No answer: no retrieved path supports one.";
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(5, answers.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == answers.size() ? " and " : ", ");
            }
            sb.append(answers.get(i).entity().name());
        }
        if (answers.size() > shown) {
            sb.append(" and ").append(answers.size() - shown).append(" more");
        }
        ReasoningPath witness = answers.get(0).supportingPaths().get(0);
        sb.append(" (via ").append(witness.render())
                .append(String.format(Locale.ROOT, "; confidence %.2f)", answers.get(0).score()));
        return sb.toString();
    }
}
