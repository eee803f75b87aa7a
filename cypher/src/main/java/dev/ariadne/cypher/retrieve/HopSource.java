package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.graph.DirectedRelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One hop of typed expansion over some access to the graph (the kernel's cursors in the database, or one
 * Cypher query per hop over Bolt). {@code N} identifies a node and {@code R} a relationship, both with
 * value equality.
 */
public interface HopSource<N, R> {
    /**
     * Reports every relationship of {@code hop}'s type that leaves a node of {@code frontier} in
     * {@code hop}'s direction ({@code r}: outgoing, {@code ~r}: incoming), with the neighbour's key, or
     * with a null key when this source reads keys only in {@link #frontier} (a source that reads them
     * here skips neighbours that have no key). Order does not matter: the expansion sorts.
     */
    void expand(List<N> frontier, DirectedRelation hop, EdgeSink<N, R> sink);

    /**
     * The next frontier: of the distinct neighbours {@code reached} (each with the key reported by
     * {@link #expand}, possibly null), those with a key, or when more than {@code max} have one, the
     * {@code max} with the smallest keys ({@link String#compareTo}); with their keys and how many were cut.
     * The default selects with a bounded heap over the reported keys.
     */
    default Frontier<N> frontier(Map<N, String> reached, int max) {
        return Frontier.smallestKeys(reached, max);
    }

    /**
     * One hop: expands {@code frontier} along {@code hop} ({@link #expand}), chooses the next frontier of at
     * most {@code max} entities ({@link #frontier}) and reports to {@code kept} only the edges into it, each
     * with its neighbour's key. {@code tick} runs once per relationship read (the caller's deadline check).
     * This default holds every edge until the frontier is chosen; a source may override it to hold the
     * edges into neighbours it will cut more cheaply (from a hub, most of them).
     */
    default Frontier<N> hop(List<N> frontier, DirectedRelation hop, int max, Runnable tick, EdgeSink<N, R> kept) {
        List<N> froms = new ArrayList<>();
        List<R> rels = new ArrayList<>();
        List<N> tos = new ArrayList<>();
        Map<N, String> reached = new HashMap<>();
        expand(frontier, hop, (from, rel, to, toKey) -> {
            tick.run();
            froms.add(from);
            rels.add(rel);
            tos.add(to);
            reached.putIfAbsent(to, toKey);
        });
        Frontier<N> chosen = frontier(reached, max);
        for (int k = 0; k < tos.size(); k++) {
            String key = chosen.kept().get(tos.get(k));
            if (key != null) {
                kept.edge(froms.get(k), rels.get(k), tos.get(k), key);
            }
        }
        return chosen;
    }

    /** Receives the edges of one hop. */
    @FunctionalInterface
    interface EdgeSink<N, R> {
        void edge(N from, R relationship, N to, String toKey);
    }

    /** The kept neighbours with their keys, and how many neighbours with a key were left out. */
    record Frontier<N>(Map<N, String> kept, long cut) {
        /**
         * The at most {@code max} entries with the smallest non-null values, chosen with a bounded max-heap:
         * a hub's thousands of neighbours cost a heap of {@code max} entries, not a sort of all of them.
         */
        public static <N> Frontier<N> smallestKeys(Map<N, String> keys, int max) {
            if (keys.size() <= max && !keys.containsValue(null)) {
                return new Frontier<>(keys, 0);       // all kept: nothing to choose
            }
            PriorityQueue<Map.Entry<N, String>> largestOnTop =
                    new PriorityQueue<>(Math.min(keys.size(), max) + 1, Map.Entry.<N, String>comparingByValue().reversed());
            long keyed = 0;
            for (Map.Entry<N, String> e : keys.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                keyed++;
                if (largestOnTop.size() < max) {
                    largestOnTop.add(e);
                } else if (max > 0 && e.getValue().compareTo(largestOnTop.peek().getValue()) < 0) {
                    largestOnTop.poll();
                    largestOnTop.add(e);
                }
            }
            Map<N, String> kept = new HashMap<>(largestOnTop.size() * 2);
            for (Map.Entry<N, String> e : largestOnTop) {
                kept.put(e.getKey(), e.getValue());
            }
            return new Frontier<>(kept, keyed - kept.size());
        }
    }
}
