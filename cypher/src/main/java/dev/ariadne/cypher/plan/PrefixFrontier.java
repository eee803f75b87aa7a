package dev.ariadne.cypher.plan;

import dev.ariadne.cypher.retrieve.Deadline;
import dev.ariadne.cypher.retrieve.HopSource;
import dev.ariadne.cypher.retrieve.PathExpansion;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

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

    /** Distinct entities reached, per directed relation (entities as objects, or as kernel node ids). */
    static final class Tally {
        private final Map<DirectedRelation, Set<Object>> reached = new HashMap<>();
        private final Map<DirectedRelation, LongHashSet> reachedIds = new HashMap<>();

        void add(DirectedRelation r, Object entity) {
            reached.computeIfAbsent(r, k -> new HashSet<>()).add(entity);
        }

        void add(DirectedRelation r, long node) {
            reachedIds.computeIfAbsent(r, k -> new LongHashSet()).add(node);
        }

        List<RelationFrontier> frontiers() {
            Map<DirectedRelation, Integer> sizes = new TreeMap<>();
            reached.forEach((r, s) -> sizes.put(r, s.size()));
            reachedIds.forEach((r, s) -> sizes.merge(r, s.size(), Integer::sum));
            List<RelationFrontier> out = new ArrayList<>(sizes.size());
            sizes.forEach((r, n) -> out.add(new RelationFrontier(r, n)));
            return out;
        }
    }
}
