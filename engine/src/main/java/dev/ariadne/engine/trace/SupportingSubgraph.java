package dev.ariadne.engine.trace;

import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subgraph a trace's answers rest on: the entities and stored relationships of the supporting paths
 * (edges in their stored direction, so {@code ~directed_by} shows as an arrow into the topic), with
 * each node's role and its distance in hops from a topic (the column it is drawn in). Capped so a
 * picture stays readable; {@link #omittedPaths()} says how many paths were left out.
 */
record SupportingSubgraph(List<Node> nodes, List<Edge> edges, int omittedPaths) {
    static final int DEFAULT_MAX_PATHS = 40;

    enum Role { TOPIC, ANSWER, INTERMEDIATE }

    record Node(String id, Entity entity, Role role, int depth) {
    }

    record Edge(String from, String to, String type) {
    }

    static SupportingSubgraph of(Trace trace) {
        return of(trace, DEFAULT_MAX_PATHS);
    }

    static SupportingSubgraph of(Trace trace, int maxPaths) {
        Set<Entity> topics = new HashSet<>(trace.topicEntities());
        Set<Entity> answers = new HashSet<>();
        for (ScoredAnswer a : trace.answers()) {
            answers.add(a.entity());
        }
        List<ReasoningPath> all = trace.supportingPaths();
        List<ReasoningPath> paths = all.subList(0, Math.min(maxPaths, all.size()));
        Map<Entity, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        for (ReasoningPath p : paths) {
            for (int i = 0; i < p.entities().size(); i++) {
                Entity e = p.entities().get(i);
                Node old = nodes.get(e);
                if (old == null || old.depth() > i) {
                    Role role = topics.contains(e) ? Role.TOPIC : answers.contains(e) ? Role.ANSWER : Role.INTERMEDIATE;
                    nodes.put(e, new Node(old == null ? "n" + nodes.size() : old.id(), e, role, i));
                }
            }
        }
        for (ReasoningPath p : paths) {
            for (int i = 0; i < p.length(); i++) {
                DirectedRelation r = p.relations().hop(i);
                String a = nodes.get(p.entities().get(i)).id();
                String b = nodes.get(p.entities().get(i + 1)).id();
                edges.add(r.isInverse() ? new Edge(b, a, r.type()) : new Edge(a, b, r.type()));
            }
        }
        return new SupportingSubgraph(new ArrayList<>(nodes.values()), new ArrayList<>(edges), all.size() - paths.size());
    }
}
