package dev.ariadne.cypher;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * An independent, brute-force model of the retrieval contract on a JGraphT multigraph built from the
 * same triples: frontier sets with key-order caps, then every path through the kept frontiers tried
 * edge by edge, checked for relationship reuse, filtered, sorted and cut.
 */
public final class ReferenceGraph {
    /** An edge object per triple: identity equality, so parallel edges stay distinct. */
    static final class Edge {
        final String type;

        Edge(String type) {
            this.type = type;
        }
    }

    public record Result(List<List<String>> paths, long pathsFound, long frontierCut, boolean truncated) {
    }

    private final DirectedPseudograph<String, Edge> g = new DirectedPseudograph<>(Edge.class);

    public ReferenceGraph(List<Triple> triples) {
        for (Triple t : triples) {
            g.addVertex(t.subject());
            g.addVertex(t.object());
            g.addEdge(t.subject(), t.object(), new Edge(t.relation()));
        }
    }

    private record Step(Edge edge, String to) {
    }

    private List<Step> steps(String from, DirectedRelation hop) {
        List<Step> out = new ArrayList<>();
        if (!g.containsVertex(from)) {
            return out;
        }
        Set<Edge> edges = hop.isInverse() ? g.incomingEdgesOf(from) : g.outgoingEdgesOf(from);
        for (Edge e : edges) {
            if (e.type.equals(hop.type())) {
                out.add(new Step(e, hop.isInverse() ? g.getEdgeSource(e) : g.getEdgeTarget(e)));
            }
        }
        return out;
    }

    public Result retrieve(String topic, RelationPath path, RetrievalLimits limits) {
        List<Set<String>> kept = new ArrayList<>();
        kept.add(Set.of(topic));
        long cut = 0;
        for (DirectedRelation hop : path.hops()) {
            TreeSet<String> reached = new TreeSet<>();
            for (String u : kept.get(kept.size() - 1)) {
                for (Step s : steps(u, hop)) {
                    reached.add(s.to());
                }
            }
            Set<String> next = new HashSet<>();
            for (String k : reached) {
                if (next.size() == limits.maxFrontierPerHop()) {
                    break;
                }
                next.add(k);
            }
            cut += reached.size() - next.size();
            kept.add(next);
        }
        List<List<String>> all = new ArrayList<>();
        walk(topic, path, 0, kept, new ArrayList<>(List.of(topic)), new ArrayList<>(), all);
        all.removeIf(p -> !limits.keepTopic() && p.get(p.size() - 1).equals(topic));
        all.sort(KEY_SEQUENCE);
        List<List<String>> shown = all.subList(0, Math.min(all.size(), limits.maxPaths()));
        return new Result(List.copyOf(shown), all.size(), cut, cut > 0 || all.size() > shown.size());
    }

    public static final Comparator<List<String>> KEY_SEQUENCE = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private void walk(String at, RelationPath path, int depth, List<Set<String>> kept, List<String> nodes,
                      List<Edge> used, List<List<String>> out) {
        if (depth == path.length()) {
            out.add(List.copyOf(nodes));
            return;
        }
        for (Step s : steps(at, path.hop(depth))) {
            if (!kept.get(depth + 1).contains(s.to()) || used.stream().anyMatch(e -> e == s.edge())) {
                continue;
            }
            nodes.add(s.to());
            used.add(s.edge());
            walk(s.to(), path, depth + 1, kept, nodes, used, out);
            nodes.remove(nodes.size() - 1);
            used.remove(used.size() - 1);
        }
    }

    /** Distinct answers of {@code prefix + r} for every directed relation r with at least one (default limits). */
    SortedMap<DirectedRelation, Long> nextRelations(String topic, RelationPath prefix, Set<String> types) {
        TreeMap<DirectedRelation, Long> out = new TreeMap<>();
        RetrievalLimits all = new RetrievalLimits(Integer.MAX_VALUE, 10_000, java.time.Duration.ofSeconds(30), false);
        for (String t : types) {
            for (DirectedRelation r : List.of(DirectedRelation.forward(t), DirectedRelation.backward(t))) {
                Result res = retrieve(topic, prefix.append(r), all);
                Set<String> answers = new HashSet<>();
                res.paths().forEach(p -> answers.add(p.get(p.size() - 1)));
                if (!answers.isEmpty()) {
                    out.put(r, (long) answers.size());
                }
            }
        }
        return out;
    }

    /** The adjacency by definition: edge e1 arrives at a node, a different edge e2 leaves it. */
    SortedMap<DirectedRelation, SortedSet<DirectedRelation>> adjacency() {
        TreeMap<DirectedRelation, SortedSet<DirectedRelation>> out = new TreeMap<>();
        for (String v : g.vertexSet()) {
            List<Object[]> arrive = new ArrayList<>();
            List<Object[]> leave = new ArrayList<>();
            for (Edge e : g.incomingEdgesOf(v)) {
                arrive.add(new Object[] {e, DirectedRelation.forward(e.type)});
                leave.add(new Object[] {e, DirectedRelation.backward(e.type)});
            }
            for (Edge e : g.outgoingEdgesOf(v)) {
                arrive.add(new Object[] {e, DirectedRelation.backward(e.type)});
                leave.add(new Object[] {e, DirectedRelation.forward(e.type)});
            }
            for (Object[] a : arrive) {
                for (Object[] l : leave) {
                    if (a[0] != l[0]) {
                        out.computeIfAbsent((DirectedRelation) a[1], k -> new TreeSet<>()).add((DirectedRelation) l[1]);
                    }
                }
            }
        }
        return out;
    }
}
