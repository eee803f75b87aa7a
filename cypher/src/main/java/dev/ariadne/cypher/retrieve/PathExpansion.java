package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one implementation of Ariadne's retrieval semantics, shared by the embedded retriever (kernel cursors), the
 * {@code ariadne.expand} procedure and the Cypher-over-Bolt retriever (which differ only in their
 * {@link HopSource}).
 *
 * <ol>
 *   <li><b>Direction.</b> {@code r} follows {@code (a)-[:r]->(b)}, {@code ~r} follows
 *   {@code (a)<-[:r]-(b)}.</li>
 *   <li><b>Frontier, capped.</b> Hop {@code i} expands the distinct entities reached after {@code i}
 *   hops. When more than {@code maxFrontierPerHop} distinct entities are reached, the ones with the
 *   smallest keys (Java {@link String#compareTo}) are kept, the rest counted in {@code frontierCut}
 *   (the source chooses them: {@link HopSource#frontier}).</li>
 *   <li><b>Paths.</b> A path follows every hop in order and uses each relationship at most once (Cypher's
 *   MATCH semantics); nodes may repeat. Paths ending at the topic are dropped unless {@code keepTopic}.</li>
 *   <li><b>Order.</b> Paths are ordered by the keys of their entities, hop 1 first (lexicographic on the key
 *   sequence); the first {@code maxPaths} are returned.</li>
 *   <li><b>Counts.</b> {@code pathsFound} counts every path over the kept frontiers: exact when no frontier
 *   was cut, a lower bound otherwise. When a type repeats only at neighbouring hops (all MetaQA chains)
 *   the count comes from dynamic programming over the hop layers, without listing paths; otherwise
 *   (e.g. {@code t,u,t}) the search enumerates every path to count it.</li>
 *   <li><b>Time.</b> The search checks its {@link Deadline} as it goes and throws
 *   {@link dev.ariadne.core.error.QueryTimeoutException} when it passes.</li>
 * </ol>
 */
public final class PathExpansion<N, R> {
    private static final int CHECK_EVERY = 1024;

    /** One found path: {@code nodes.size() == relationships.size() + 1}. */
    public record Found<N, R>(List<N> nodes, List<R> relationships, List<String> keys) {
    }

    /** What one expansion found. */
    public record Outcome<N, R>(List<Found<N, R>> paths, long pathsFound, long frontierCut, boolean truncated) {
    }

    private record Edge<N, R>(R rel, N to, String toKey) {
    }

    private final HopSource<N, R> source;
    private final Deadline deadline;
    private int steps;

    private PathExpansion(HopSource<N, R> source, Deadline deadline) {
        this.source = source;
        this.deadline = deadline;
    }

    public static <N, R> Outcome<N, R> run(HopSource<N, R> source, N topic, String topicKey,
                                           List<DirectedRelation> hops, RetrievalLimits limits, Deadline deadline) {
        Objects.requireNonNull(topic, "topic");
        return new PathExpansion<>(source, deadline).expand(topic, topicKey, hops, limits);
    }

    private Outcome<N, R> expand(N topic, String topicKey, List<DirectedRelation> hops, RetrievalLimits limits) {
        int n = hops.size();
        List<Map<N, List<Edge<N, R>>>> layers = new ArrayList<>(n);
        List<Set<N>> frontiers = new ArrayList<>(n + 1);
        frontiers.add(Set.of(topic));
        List<N> frontier = List.of(topic);
        long frontierCut = 0;
        for (int i = 0; i < n; i++) {
            deadline.check();
            Map<N, List<Edge<N, R>>> out = new HashMap<>();
            HopSource.Frontier<N> chosen = source.hop(frontier, hops.get(i), limits.maxFrontierPerHop(), this::tick,
                    (from, rel, to, key) -> out.computeIfAbsent(from, x -> new ArrayList<>()).add(new Edge<>(rel, to, key)));
            Map<N, String> keptKeys = chosen.kept();
            frontierCut += chosen.cut();
            Comparator<Edge<N, R>> order = Comparator.comparing(Edge::toKey);
            for (List<Edge<N, R>> list : out.values()) {
                list.sort(order);
            }
            Set<N> kept = keptKeys.keySet();
            layers.add(out);
            frontiers.add(kept);
            frontier = new ArrayList<>(kept);
        }
        // alive.get(i): entities at depth i from which some edge sequence reaches an allowed end.
        List<Set<N>> alive = new ArrayList<>(Collections.nCopies(n + 1, null));
        Set<N> ends = new HashSet<>(frontiers.get(n));
        if (!limits.keepTopic()) {
            ends.remove(topic);
        }
        alive.set(n, ends);
        for (int i = n - 1; i >= 0; i--) {
            Set<N> nextAlive = alive.get(i + 1);
            Set<N> here = new HashSet<>();
            for (Map.Entry<N, List<Edge<N, R>>> e : layers.get(i).entrySet()) {
                e.getValue().removeIf(edge -> !nextAlive.contains(edge.to()));
                if (!e.getValue().isEmpty()) {
                    here.add(e.getKey());
                }
            }
            alive.set(i, here);
        }
        List<Found<N, R>> paths = new ArrayList<>(Math.min(limits.maxPaths(), 1024));
        long found;
        if (!alive.get(0).contains(topic)) {
            found = 0;
        } else if (repeatsOnlyAdjacent(hops)) {
            found = countLayers(topic, hops, layers);
            enumerate(topic, topicKey, layers, limits.maxPaths(), paths, true);
        } else {
            found = enumerate(topic, topicKey, layers, limits.maxPaths(), paths, false);
        }
        boolean truncated = frontierCut > 0 || found > paths.size();
        return new Outcome<>(paths, found, frontierCut, truncated);
    }

    private void tick() {
        if (++steps % CHECK_EVERY == 0) {
            deadline.check();
        }
    }

    /**
     * True when a type occurs at two hops only if they are neighbours ({@code ~directed_by,directed_by}
     * yes; {@code t,u,t} no). Then the only way to reuse a relationship is to take the one just arrived
     * by, which {@link #countLayers} subtracts exactly.
     */
    static boolean repeatsOnlyAdjacent(List<DirectedRelation> hops) {
        for (int i = 0; i < hops.size(); i++) {
            for (int j = i + 2; j < hops.size(); j++) {
                if (hops.get(i).type().equals(hops.get(j).type())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Counts paths without listing them: {@code f(e)} is the number of ways to finish a path whose hop
     * {@code i} is edge {@code e}; it is the sum of {@code f} over the next hop's edges from {@code e}'s
     * end, minus {@code f(e)} itself at the next hop when both hops have the same type (that would walk
     * the same relationship again).
     */
    private long countLayers(N topic, List<DirectedRelation> hops, List<Map<N, List<Edge<N, R>>>> layers) {
        int n = layers.size();
        Map<R, Long> nextByEdge = null;
        Map<R, N> nextEdgeFrom = null;
        Map<N, Long> nextByNode = null;
        for (int i = n - 1; i >= 0; i--) {
            boolean sameAsNext = i + 1 < n && hops.get(i).type().equals(hops.get(i + 1).type());
            Map<R, Long> byEdge = new HashMap<>();
            Map<R, N> edgeFrom = new HashMap<>();
            Map<N, Long> byNode = new HashMap<>();
            for (Map.Entry<N, List<Edge<N, R>>> e : layers.get(i).entrySet()) {
                long sum = 0;
                for (Edge<N, R> edge : e.getValue()) {
                    tick();
                    long f;
                    if (nextByNode == null) {
                        f = 1;
                    } else {
                        f = nextByNode.getOrDefault(edge.to(), 0L);
                        // The same relationship at the next hop, leaving from where this one arrives.
                        if (sameAsNext && edge.to().equals(nextEdgeFrom.get(edge.rel()))) {
                            f -= nextByEdge.get(edge.rel());
                        }
                    }
                    if (f > 0) {
                        byEdge.put(edge.rel(), f);
                        edgeFrom.put(edge.rel(), e.getKey());
                        sum += f;
                    }
                }
                if (sum > 0) {
                    byNode.put(e.getKey(), sum);
                }
            }
            nextByEdge = byEdge;
            nextEdgeFrom = edgeFrom;
            nextByNode = byNode;
        }
        return nextByNode == null ? 1 : nextByNode.getOrDefault(topic, 0L);
    }

    /**
     * Depth-first in key order, so paths come out already sorted. Stops after {@code max} paths when
     * {@code stopAtMax}, else walks every path and returns how many there are.
     */
    private long enumerate(N topic, String topicKey, List<Map<N, List<Edge<N, R>>>> layers, int max,
                           List<Found<N, R>> out, boolean stopAtMax) {
        int n = layers.size();
        Object[] nodes = new Object[n + 1];
        Object[] rels = new Object[n];
        String[] keys = new String[n + 1];
        nodes[0] = topic;
        keys[0] = topicKey;
        if (n == 0) {
            out.add(found(nodes, rels, keys, 0));
            return 1;
        }
        @SuppressWarnings("unchecked")
        List<Edge<N, R>>[] stack = new List[n];
        int[] pos = new int[n];
        stack[0] = layers.get(0).getOrDefault(topic, List.of());
        pos[0] = 0;
        int depth = 0;
        long count = 0;
        while (depth >= 0) {
            if (pos[depth] >= stack[depth].size()) {
                depth--;
                continue;
            }
            Edge<N, R> e = stack[depth].get(pos[depth]++);
            tick();
            if (usedBefore(rels, depth, e.rel())) {
                continue;
            }
            rels[depth] = e.rel();
            nodes[depth + 1] = e.to();
            keys[depth + 1] = e.toKey();
            if (depth + 1 == n) {
                count++;
                if (out.size() < max) {
                    out.add(found(nodes, rels, keys, n));
                } else if (stopAtMax) {
                    return count;
                }
                continue;
            }
            depth++;
            stack[depth] = layers.get(depth).getOrDefault(e.to(), List.of());
            pos[depth] = 0;
        }
        return count;
    }

    private static boolean usedBefore(Object[] rels, int depth, Object rel) {
        for (int j = 0; j < depth; j++) {
            if (rels[j].equals(rel)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private Found<N, R> found(Object[] nodes, Object[] rels, String[] keys, int n) {
        List<N> ns = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            ns.add((N) nodes[i]);
        }
        List<R> rs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rs.add((R) rels[i]);
        }
        return new Found<>(ns, rs, Arrays.asList(Arrays.copyOf(keys, n + 1)));
    }
}
