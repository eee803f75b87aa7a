package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Draws relation paths of 1..maxHops hops from a graph, the way the questions users ask spread over it:
 * every path length gets the same share, the first hop is drawn uniformly over the directed relations the
 * graph has (so a rare relation is asked about as often as a common one, in both directions), each later
 * hop uniformly over the relations the graph allows after the path so far, and the topic across degrees
 * (a degree quartile first, then an entity in it, so hubs and leaves both appear). A path whose ends are
 * only the topic itself is drawn again. Deterministic for a seed.
 */
public final class PathSampler {
    /** Answers kept per sampled path (the training needs the gold path; the answers are for people to read). */
    public static final int MAX_ANSWERS = 100;
    private static final int ATTEMPTS_PER_PATH = 20;
    private static final RetrievalLimits ENDS = new RetrievalLimits(10_000, 100_000, Duration.ofSeconds(10), false);

    private final InMemoryGraph graph;
    private final Function<String, Entity> entities;
    /** Directed relation -> entities having it, in four degree quartiles (low to high). */
    private final Map<DirectedRelation, List<List<String>>> holders = new TreeMap<>(
            java.util.Comparator.comparing(DirectedRelation::format));

    /**
     * @param entities the entity (with its display name) for a key; the graph's own key when the lookup
     *                 has none
     */
    public PathSampler(List<Triple> triples, InMemoryGraph graph, Function<String, Entity> entities) {
        this.graph = graph;
        this.entities = entities;
        Map<String, Integer> degree = new HashMap<>();
        Map<DirectedRelation, Set<String>> having = new HashMap<>();
        for (Triple t : triples) {
            degree.merge(t.subject(), 1, Integer::sum);
            degree.merge(t.object(), 1, Integer::sum);
            having.computeIfAbsent(DirectedRelation.forward(t.relation()), k -> new HashSet<>()).add(t.subject());
            having.computeIfAbsent(DirectedRelation.backward(t.relation()), k -> new HashSet<>()).add(t.object());
        }
        for (Map.Entry<DirectedRelation, Set<String>> e : having.entrySet()) {
            List<String> keys = new ArrayList<>(new TreeSet<>(e.getValue()));
            keys.sort(java.util.Comparator.comparingInt((String k) -> degree.get(k)).thenComparing(k -> k));
            List<List<String>> quartiles = new ArrayList<>(4);
            for (int q = 0; q < 4; q++) {
                List<String> part = keys.subList(q * keys.size() / 4, (q + 1) * keys.size() / 4);
                if (!part.isEmpty()) {
                    quartiles.add(part);
                }
            }
            if (quartiles.isEmpty()) {
                quartiles.add(keys);
            }
            holders.put(e.getKey(), quartiles);
        }
    }

    /** The directed relations paths can start with, sorted. */
    public List<DirectedRelation> firstHops() {
        return new ArrayList<>(holders.keySet());
    }

    /**
     * {@code perLength} paths of each length 1..maxHops (fewer when the graph has fewer distinct ones),
     * without repeating a (topic, path) pair.
     */
    public List<SampledPath> sample(int maxHops, int perLength, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<DirectedRelation> first = firstHops();
        List<SampledPath> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (first.isEmpty()) {
            return out;
        }
        for (int length = 1; length <= maxHops; length++) {
            int made = 0;
            int failures = 0;
            // stop when the graph plainly has no more paths of this length to give
            while (made < perLength && failures < ATTEMPTS_PER_PATH * Math.max(perLength, 50)) {
                SampledPath p = draw(first, length, rng);
                if (p == null || !seen.add(p.topic().key() + '\t' + p.path().format())) {
                    failures++;
                    continue;
                }
                out.add(p);
                made++;
            }
        }
        return out;
    }

    private SampledPath draw(List<DirectedRelation> first, int length, SplittableRandom rng) {
        DirectedRelation r1 = first.get(rng.nextInt(first.size()));
        List<List<String>> quartiles = holders.get(r1);
        List<String> bucket = quartiles.get(rng.nextInt(quartiles.size()));
        String key = bucket.get(rng.nextInt(bucket.size()));
        Entity topic = topic(key);
        RelationPath path = RelationPath.of(r1);
        for (int h = 1; h < length; h++) {
            List<DirectedRelation> next = graph.nextRelationTypes(topic, path);
            if (next.isEmpty()) {
                return null;
            }
            path = path.append(next.get(rng.nextInt(next.size())));
        }
        // ENDS keeps no path ending at the topic (the Retriever contract), so the topic is never an answer
        Set<String> ends = new TreeSet<>();
        for (ReasoningPath rp : graph.retrieve(topic, path, ENDS).paths()) {
            ends.add(rp.end().key());
        }
        if (ends.isEmpty()) {
            return null;
        }
        List<String> answers = new ArrayList<>(ends);
        return new SampledPath(topic, path, answers.subList(0, Math.min(MAX_ANSWERS, answers.size())));
    }

    private Entity topic(String key) {
        Entity e = entities.apply(key);
        return e != null ? e : Entity.named(key);
    }
}
