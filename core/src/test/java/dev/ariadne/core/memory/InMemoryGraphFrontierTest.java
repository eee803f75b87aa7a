package dev.ariadne.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.plan.RelationFrontier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryGraph#nextRelations} against a brute force over the same triples: enumerate every prefix
 * path that uses no triple twice, and from each end every triple the path has not used. Seeded random
 * multigraphs with self-loops, parallel triples of different types and repeated types; a failure names
 * its seed, topic and prefix.
 */
class InMemoryGraphFrontierTest {
    private static final String[] TYPES = {"a", "b", "c"};

    @Test
    void nextRelationsEqualsBruteForce() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int nodes = 4 + random.nextInt(8);
            Set<Triple> triples = new LinkedHashSet<>();
            int count = nodes + random.nextInt(nodes * 3);
            while (triples.size() < count) {
                triples.add(new Triple("n" + random.nextInt(nodes), TYPES[random.nextInt(TYPES.length)], "n" + random.nextInt(nodes)));
            }
            List<Triple> list = new ArrayList<>(triples);
            InMemoryGraph graph = InMemoryGraph.of(list);
            for (int q = 0; q < 15; q++) {
                String topic = list.get(random.nextInt(list.size())).subject();
                List<DirectedRelation> hops = new ArrayList<>();
                int length = random.nextInt(3);
                for (int h = 0; h < length; h++) {
                    String t = TYPES[random.nextInt(TYPES.length)];
                    hops.add(random.nextBoolean() ? DirectedRelation.forward(t) : DirectedRelation.backward(t));
                }
                RelationPath prefix = new RelationPath(hops);
                Map<String, Long> actual = new TreeMap<>();
                for (RelationFrontier f : graph.nextRelations(Entity.named(topic), prefix)) {
                    actual.put(f.relation().format(), f.frontierSize());
                }
                Map<String, Long> expected = bruteForce(list, topic, hops);
                String what = "seed " + seed + ", topic " + topic + ", prefix " + prefix.format();
                assertEquals(expected, actual, what);
                List<String> types = new ArrayList<>();
                graph.nextRelationTypes(Entity.named(topic), prefix).forEach(r -> types.add(r.format()));
                List<String> fromFrontiers = new ArrayList<>();
                graph.nextRelations(Entity.named(topic), prefix).forEach(f -> fromFrontiers.add(f.relation().format()));
                assertEquals(fromFrontiers, types, "types only, same order: " + what);
            }
        }
    }

    private static Map<String, Long> bruteForce(List<Triple> triples, String topic, List<DirectedRelation> hops) {
        Map<String, Set<String>> reached = new HashMap<>();
        walk(triples, topic, hops, 0, new ArrayList<>(), (end, used) -> {
            for (int i = 0; i < triples.size(); i++) {
                if (used.contains(i)) {
                    continue;
                }
                Triple t = triples.get(i);
                if (t.subject().equals(end)) {
                    reached.computeIfAbsent(DirectedRelation.forward(t.relation()).format(), k -> new HashSet<>()).add(t.object());
                }
                if (t.object().equals(end)) {
                    reached.computeIfAbsent(DirectedRelation.backward(t.relation()).format(), k -> new HashSet<>()).add(t.subject());
                }
            }
        });
        Map<String, Long> out = new TreeMap<>();
        reached.forEach((r, s) -> out.put(r, (long) s.size()));
        return out;
    }

    private interface EndSink {
        void end(String node, List<Integer> used);
    }

    private static void walk(List<Triple> triples, String at, List<DirectedRelation> hops, int depth, List<Integer> used, EndSink sink) {
        if (depth == hops.size()) {
            sink.end(at, used);
            return;
        }
        DirectedRelation hop = hops.get(depth);
        for (int i = 0; i < triples.size(); i++) {
            Triple t = triples.get(i);
            if (used.contains(i) || !t.relation().equals(hop.type())) {
                continue;
            }
            String from = hop.isInverse() ? t.object() : t.subject();
            if (!from.equals(at)) {
                continue;
            }
            used.add(i);
            walk(triples, hop.isInverse() ? t.subject() : t.object(), hops, depth + 1, used, sink);
            used.remove(used.size() - 1);
        }
    }
}
