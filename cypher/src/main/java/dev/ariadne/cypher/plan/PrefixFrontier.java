package dev.ariadne.cypher.plan;

import dev.ariadne.cypher.retrieve.Deadline;
import dev.ariadne.cypher.retrieve.HopSource;
import dev.ariadne.cypher.retrieve.PathExpansion;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The entities at the end of a prefix, each with the relationships that every prefix path reaching it
 * already used. A next hop over such a relationship would reuse it on every path, so it does not count;
 * any other relationship extends at least one path. Prefix paths come from {@link PathExpansion} with
 * {@link #LIMITS} (ends at the topic kept: the path may go on from there).
 */
final class PrefixFrontier {
    /** Bounds on the prefix search: beyond them the answer is computed on what was found. */
    static final RetrievalLimits LIMITS = new RetrievalLimits(100_000, 10_000, Duration.ofSeconds(5), true);

    private PrefixFrontier() {
    }

    static <N, R> Map<N, Set<R>> ends(HopSource<N, R> source, N topic, String topicKey, RelationPath prefix) {
        Deadline deadline = Deadline.in("next relations after " + prefix.format() + " from '" + topicKey + "'", LIMITS.timeout());
        PathExpansion.Outcome<N, R> out = PathExpansion.run(source, topic, topicKey, prefix.hops(), LIMITS, deadline);
        Map<N, Set<R>> used = new LinkedHashMap<>();
        for (PathExpansion.Found<N, R> f : out.paths()) {
            N end = f.nodes().get(f.nodes().size() - 1);
            Set<R> rels = used.get(end);
            if (rels == null) {
                used.put(end, new HashSet<>(f.relationships()));
            } else if (!rels.isEmpty()) {
                rels.retainAll(f.relationships());
            }
        }
        return used;
    }

    /** Distinct entities reached, per directed relation. */
    static final class Tally {
        private final Map<dev.ariadne.core.graph.DirectedRelation, Set<Object>> reached = new HashMap<>();

        void add(dev.ariadne.core.graph.DirectedRelation r, Object entity) {
            reached.computeIfAbsent(r, k -> new HashSet<>()).add(entity);
        }

        java.util.List<dev.ariadne.core.plan.RelationFrontier> frontiers() {
            java.util.List<dev.ariadne.core.plan.RelationFrontier> out = new java.util.ArrayList<>();
            new java.util.TreeMap<>(reached).forEach((r, s) -> out.add(new dev.ariadne.core.plan.RelationFrontier(r, s.size())));
            return out;
        }
    }
}
