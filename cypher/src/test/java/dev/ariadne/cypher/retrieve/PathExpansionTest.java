package dev.ariadne.cypher.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.cypher.ReferenceGraph;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Direction;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link PathExpansion} on an in-memory graph against the JGraphT reference, many seeded graphs (no Neo4j). */
class PathExpansionTest {
    /** Nodes are keys, relationships are triple indexes. */
    record MemorySource(List<Triple> triples) implements HopSource<String, Integer> {
        @Override
        public void expand(List<String> frontier, DirectedRelation hop, EdgeSink<String, Integer> sink) {
            Set<String> f = Set.copyOf(frontier);
            for (int i = 0; i < triples.size(); i++) {
                Triple t = triples.get(i);
                if (!t.relation().equals(hop.type())) {
                    continue;
                }
                String from = hop.isInverse() ? t.object() : t.subject();
                String to = hop.isInverse() ? t.subject() : t.object();
                if (f.contains(from)) {
                    sink.edge(from, i, to, to);
                }
            }
        }
    }

    @Test
    void matchesReferenceOnRandomGraphs() {
        long base = Long.getLong("ariadne.seed", System.nanoTime());
        List<String> types = List.of("a", "b");
        int[] caps = {1, 2, 3, 7, 1_000};
        for (int g = 0; g < 200; g++) {
            long seed = base + g;
            Random rnd = new Random(seed);
            Set<Triple> set = new LinkedHashSet<>();
            int nodes = 3 + rnd.nextInt(10);
            int edges = 1 + rnd.nextInt(nodes * 3);
            for (int k = 0; k < edges * 3 && set.size() < edges; k++) {
                set.add(new Triple("n" + rnd.nextInt(nodes), types.get(rnd.nextInt(2)), "n" + rnd.nextInt(nodes)));
            }
            List<Triple> triples = List.copyOf(set);
            ReferenceGraph ref = new ReferenceGraph(triples);
            MemorySource source = new MemorySource(triples);
            for (int q = 0; q < 20; q++) {
                String topic = triples.get(rnd.nextInt(triples.size())).subject();
                List<DirectedRelation> hops = new ArrayList<>();
                int len = rnd.nextInt(5);
                for (int h = 0; h < len; h++) {
                    hops.add(new DirectedRelation(types.get(rnd.nextInt(2)), rnd.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD));
                }
                RelationPath path = new RelationPath(hops);
                RetrievalLimits limits = new RetrievalLimits(caps[rnd.nextInt(caps.length)], caps[rnd.nextInt(caps.length)],
                        Duration.ofSeconds(30), rnd.nextBoolean());
                ReferenceGraph.Result want = ref.retrieve(topic, path, limits);
                PathExpansion.Outcome<String, Integer> got = PathExpansion.run(source, topic, topic, hops, limits,
                        Deadline.in("test", Duration.ofSeconds(30)));
                String what = "graph seed " + seed + " " + triples + " query " + topic + " " + path + " " + limits
                        + " (replay with -Dariadne.seed=" + base + ")";
                assertEquals(want.paths(), got.paths().stream().map(PathExpansion.Found::keys).toList(), what);
                assertEquals(want.pathsFound(), got.pathsFound(), what);
                assertEquals(want.frontierCut(), got.frontierCut(), what);
                assertEquals(want.truncated(), got.truncated(), what);
            }
        }
    }
}
