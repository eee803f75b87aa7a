package dev.ariadne.core.memory;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.QueryTimeoutException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Direction;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.ExecutedQuery;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.core.retrieve.Retriever;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable knowledge graph held in memory, with the same path semantics as the Neo4j retriever:
 * {@code r} walks {@code (a)-[:r]->(b)}, {@code ~r} walks {@code (a)<-[:r]-(b)}, each relationship at most
 * once per path (Cypher's MATCH semantics), nodes may repeat, paths ending at the topic dropped unless
 * {@link RetrievalLimits#keepTopic()}. Used to train and evaluate planners without a database, and as
 * the reference the Neo4j implementations are checked against.
 *
 * <p>Identical triples are stored once (Neo4j loaders merge them too). Entities are keyed by the triple's
 * subject/object text; the display name is the key.
 *
 * <p>Retrieval order: paths are sorted by the keys of their entities, first entity to last (a path's
 * relations are fixed by the request, and duplicate triples are merged, so the keys decide every tie).
 * {@link #nextRelations} enumerates the entity-level prefix paths exactly (so a relation is reported only
 * when some path that uses no relationship twice continues along it) while there are at most
 * {@value #EXACT_STATE_LIMIT} of them; past that, it tracks only each path's last relationship, which can
 * over-report in graphs where the only continuation re-uses an earlier, non-adjacent relationship.
 * Frontier sizes count distinct entities, the topic included when a path returns to it.
 *
 * <p>Thread-safe: the graph never changes after construction; a small synchronised cache keeps the
 * partial paths of recently asked prefixes, so a planner asking for {@code p} and then {@code p + r}
 * pays for one hop, not the whole prefix again.
 */
public final class InMemoryGraph implements GraphConstraint, Retriever {
    static final int EXACT_STATE_LIMIT = 200_000;
    private static final int TIMEOUT_CHECK_EVERY = 4096;

    private final String[] keys;          // node id -> key, ids in key order
    private final Map<String, Integer> ids;
    private final String[] relationTypes; // relation id -> type, sorted
    private final Map<String, Integer> relationIds;
    private final int[] edgeSrc;
    private final int[] edgeRel;
    private final int[] edgeDst;
    // CSR: out edges of node n are outEdges[outStart[n] .. outStart[n+1]) sorted by (rel, dst)
    private final int[] outStart;
    private final int[] outEdges;
    // in edges of node n sorted by (rel, src)
    private final int[] inStart;
    private final int[] inEdges;
    private final long[] relationCounts;

    private InMemoryGraph(List<Triple> triples) {
        TreeSet<String> keySet = new TreeSet<>();
        TreeSet<String> relSet = new TreeSet<>();
        for (Triple t : triples) {
            String problem = DirectedRelation.typeProblem(t.relation());
            if (problem != null) {
                throw new InvalidInputException("invalid relation type '" + t.relation() + "' in triple " + t + ": " + problem);
            }
            if (t.subject().isEmpty() || t.object().isEmpty()) {
                throw new InvalidInputException("triple with an empty entity key: " + t);
            }
            keySet.add(t.subject());
            keySet.add(t.object());
            relSet.add(t.relation());
        }
        keys = keySet.toArray(new String[0]);
        ids = new java.util.HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            ids.put(keys[i], i);
        }
        relationTypes = relSet.toArray(new String[0]);
        relationIds = new java.util.HashMap<>();
        for (int i = 0; i < relationTypes.length; i++) {
            relationIds.put(relationTypes[i], i);
        }
        long[] packed = new long[triples.size()];
        int[] rels = new int[triples.size()];
        // sort edges by (src, rel, dst) with dedupe: pack into a sortable key
        Integer[] order = new Integer[triples.size()];
        int[] s = new int[triples.size()];
        int[] r = new int[triples.size()];
        int[] d = new int[triples.size()];
        for (int i = 0; i < triples.size(); i++) {
            Triple t = triples.get(i);
            s[i] = ids.get(t.subject());
            r[i] = relationIds.get(t.relation());
            d[i] = ids.get(t.object());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(s[a], s[b]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(r[a], r[b]);
            return c != 0 ? c : Integer.compare(d[a], d[b]);
        });
        int m = 0;
        int[] es = new int[triples.size()];
        int[] er = new int[triples.size()];
        int[] ed = new int[triples.size()];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (m > 0 && es[m - 1] == s[i] && er[m - 1] == r[i] && ed[m - 1] == d[i]) {
                continue;
            }
            es[m] = s[i];
            er[m] = r[i];
            ed[m] = d[i];
            m++;
        }
        edgeSrc = Arrays.copyOf(es, m);
        edgeRel = Arrays.copyOf(er, m);
        edgeDst = Arrays.copyOf(ed, m);
        relationCounts = new long[relationTypes.length];
        for (int e = 0; e < m; e++) {
            relationCounts[edgeRel[e]]++;
        }
        // out edges are already in (src, rel, dst) order
        outStart = new int[keys.length + 1];
        outEdges = new int[m];
        for (int e = 0; e < m; e++) {
            outStart[edgeSrc[e] + 1]++;
            outEdges[e] = e;
        }
        for (int n = 0; n < keys.length; n++) {
            outStart[n + 1] += outStart[n];
        }
        Integer[] byDst = new Integer[m];
        for (int e = 0; e < m; e++) {
            byDst[e] = e;
        }
        Arrays.sort(byDst, (a, b) -> {
            int c = Integer.compare(edgeDst[a], edgeDst[b]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(edgeRel[a], edgeRel[b]);
            return c != 0 ? c : Integer.compare(edgeSrc[a], edgeSrc[b]);
        });
        inStart = new int[keys.length + 1];
        inEdges = new int[m];
        for (int k = 0; k < m; k++) {
            inEdges[k] = byDst[k];
            inStart[edgeDst[byDst[k]] + 1]++;
        }
        for (int n = 0; n < keys.length; n++) {
            inStart[n + 1] += inStart[n];
        }
    }

    /** A graph over {@code triples}; identical triples are merged. */
    public static InMemoryGraph of(Collection<Triple> triples) {
        return new InMemoryGraph(new ArrayList<>(triples));
    }

    /**
     * Reads {@code subject|relation|object} lines (MetaQA's {@code kb.txt} format; blank lines skipped).
     * A line without exactly three non-empty fields is reported with its file and line number.
     */
    public static InMemoryGraph readPipeSeparated(Path file) {
        List<Triple> triples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 3 || f[0].isEmpty() || f[1].isEmpty() || f[2].isEmpty()) {
                    throw new InvalidInputException(file + ":" + lineNo + ": expected 'subject|relation|object' with three "
                            + "non-empty fields, got " + f.length + " field(s): '" + abbreviate(line) + "'");
                }
                if (DirectedRelation.typeProblem(f[1]) != null) {
                    throw new InvalidInputException(file + ":" + lineNo + ": invalid relation type '" + f[1] + "': "
                            + DirectedRelation.typeProblem(f[1]));
                }
                triples.add(new Triple(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read triples from " + file + ": " + e.getMessage(), e);
        }
        return new InMemoryGraph(triples);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    public int entityCount() {
        return keys.length;
    }

    public int relationshipCount() {
        return edgeSrc.length;
    }

    /** Relationship type -> number of (distinct) relationships, sorted by type. */
    public SortedMap<String, Long> relationCounts() {
        TreeMap<String, Long> m = new TreeMap<>();
        for (int i = 0; i < relationTypes.length; i++) {
            m.put(relationTypes[i], relationCounts[i]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** Every relation type in both directions, sorted. */
    public List<DirectedRelation> directedRelations() {
        List<DirectedRelation> out = new ArrayList<>(relationTypes.length * 2);
        for (String t : relationTypes) {
            out.add(DirectedRelation.forward(t));
            out.add(DirectedRelation.backward(t));
        }
        return out;
    }

    public Optional<Entity> entity(String key) {
        return ids.containsKey(key) ? Optional.of(Entity.named(key)) : Optional.empty();
    }

    public boolean contains(String key) {
        return ids.containsKey(key);
    }

    // ---------------------------------------------------------------- constraint

    @Override
    public List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix) {
        Ends ends = ends(topic, prefix);
        int nr = relationTypes.length;
        BitSet[] reached = new BitSet[nr * 2];
        for (int j = 0; j < ends.size(); j++) {
            int node = ends.node[j];
            int[] blocked = ends.blocked[j];
            for (int dir = 0; dir < 2; dir++) {
                int[] start0 = dir == 0 ? outStart : inStart;
                int[] edges = dir == 0 ? outEdges : inEdges;
                for (int k = start0[node]; k < start0[node + 1]; k++) {
                    int e = edges[k];
                    if (blocked.length > 0 && contains(blocked, e)) {
                        continue;
                    }
                    int slot = edgeRel[e] * 2 + dir;
                    if (reached[slot] == null) {
                        reached[slot] = new BitSet(keys.length);
                    }
                    reached[slot].set(dir == 0 ? edgeDst[e] : edgeSrc[e]);
                }
            }
        }
        List<RelationFrontier> out = new ArrayList<>();
        for (int slot = 0; slot < reached.length; slot++) {
            if (reached[slot] != null) {
                out.add(new RelationFrontier(slotRelation(slot), reached[slot].cardinality()));
            }
        }
        return out;
    }

    /**
     * {@link #nextRelations} without the sizes: a relation is present at its first edge that no path
     * already used, so once found the rest of its edges at every end are skipped (a hub's thousands of
     * edges of one type cost one binary search).
     */
    @Override
    public List<DirectedRelation> nextRelationTypes(Entity topic, RelationPath prefix) {
        Ends ends = ends(topic, prefix);
        int nr = relationTypes.length;
        boolean[] present = new boolean[nr * 2];
        for (int j = 0; j < ends.size(); j++) {
            int node = ends.node[j];
            int[] blocked = ends.blocked[j];
            for (int dir = 0; dir < 2; dir++) {
                int[] start0 = dir == 0 ? outStart : inStart;
                int[] edges = dir == 0 ? outEdges : inEdges;
                int to = start0[node + 1];
                for (int k = start0[node]; k < to; ) {
                    int rel = edgeRel[edges[k]];
                    int slot = rel * 2 + dir;
                    if (present[slot]) {
                        k = runEnd(edges, k, to, rel);
                        continue;
                    }
                    if (blocked.length == 0 || !contains(blocked, edges[k])) {
                        present[slot] = true;
                    }
                    k++;
                }
            }
        }
        List<DirectedRelation> out = new ArrayList<>();
        for (int slot = 0; slot < present.length; slot++) {
            if (present[slot]) {
                out.add(slotRelation(slot));
            }
        }
        return out;
    }

    /** The directed relation of a slot: relation {@code slot / 2}, forward when even (out-edges), else backward. */
    private DirectedRelation slotRelation(int slot) {
        return new DirectedRelation(relationTypes[slot / 2], slot % 2 == 0 ? Direction.FORWARD : Direction.BACKWARD);
    }

    /** The first position in {@code edges[from, to)} (sorted by relation) holding a relation other than {@code rel}. */
    private int runEnd(int[] edges, int from, int to, int rel) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edgeRel[edges[mid]] <= rel) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The distinct entities a prefix reaches, each with the edges every prefix path reaching it used. */
    private record Ends(int[] node, int[][] blocked) {
        static final Ends NONE = new Ends(new int[0], new int[0][]);

        int size() {
            return node.length;
        }
    }

    /**
     * Many paths end at the same entity; an edge leaving it is blocked only if every one of them used it,
     * so each distinct end is scanned once, skipping the edges all its paths share (usually none). The
     * states are grouped by end node through one sort of (node, state) pairs.
     */
    private Ends ends(Entity topic, RelationPath prefix) {
        Integer start = ids.get(topic.key());
        if (start == null) {
            return Ends.NONE;
        }
        int[][] hops = resolve(prefix);
        if (hops == null) {
            return Ends.NONE;
        }
        States states = prefixStates(start, prefix, hops, hops.length);
        if (states.size == 0) {
            return Ends.NONE;
        }
        int width = states.width();
        long[] byEnd = new long[states.size];
        for (int i = 0; i < states.size; i++) {
            byEnd[i] = ((long) states.node[i] << 32) | i;
        }
        java.util.Arrays.sort(byEnd);
        int[] nodes = new int[byEnd.length];
        int[][] blockedAt = new int[byEnd.length][];
        int n = 0;
        for (int g = 0; g < byEnd.length; ) {
            int node = (int) (byEnd[g] >>> 32);
            int first = (int) byEnd[g];
            int[] blocked = java.util.Arrays.copyOfRange(states.edges, first * width, (first + 1) * width);
            int next = g + 1;
            for (; next < byEnd.length && (int) (byEnd[next] >>> 32) == node; next++) {
                if (blocked.length > 0) {
                    int other = (int) byEnd[next];
                    blocked = shared(blocked, java.util.Arrays.copyOfRange(states.edges, other * width, (other + 1) * width));
                }
            }
            g = next;
            nodes[n] = node;
            blockedAt[n++] = blocked;
        }
        return new Ends(java.util.Arrays.copyOf(nodes, n), java.util.Arrays.copyOf(blockedAt, n));
    }

    /**
     * The edges present in both. Each holds a path's few edges, or an earlier result of this method, and
     * a path uses an edge at most once, so {@code a} has no repeats and neither has the result.
     */
    private static int[] shared(int[] a, int[] b) {
        int n = 0;
        int[] out = new int[Math.min(a.length, b.length)];
        for (int e : a) {
            if (contains(b, e)) {
                out[n++] = e;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] edges, int e) {
        for (int x : edges) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }

    /**
     * The uncapped partial paths after the first {@code n} hops, from a small cache: planners ask for
     * {@code p} and then for {@code p + r}, which then costs one hop instead of the whole prefix.
     */
    private States prefixStates(int start, RelationPath prefix, int[][] hops, int n) {
        if (n == 0) {
            return States.start(start);
        }
        StateKey key = new StateKey(start, prefix.prefix(n));
        synchronized (stateCache) {
            States hit = stateCache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        States before = prefixStates(start, prefix, hops, n - 1);
        States s = before.size == 0 ? before
                : expand(before, hops[n - 1][0], hops[n - 1][1] == 1, Integer.MAX_VALUE, Long.MAX_VALUE, null);
        if (s.size <= STATE_CACHE_MAX_STATES) {
            synchronized (stateCache) {
                stateCache.put(key, s);
            }
        }
        return s;
    }

    private static final int STATE_CACHE_ENTRIES = 256;
    private static final int STATE_CACHE_MAX_STATES = 50_000;
    private record StateKey(int start, RelationPath prefix) {
    }

    private final java.util.LinkedHashMap<StateKey, States> stateCache = new java.util.LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StateKey, States> eldest) {
            return size() > STATE_CACHE_ENTRIES;
        }
    };

    /** [relationId, 0 forward / 1 backward] per hop, or null when a type is not in the graph. */
    private int[][] resolve(RelationPath path) {
        int[][] out = new int[path.length()][];
        for (int i = 0; i < path.length(); i++) {
            DirectedRelation r = path.hop(i);
            Integer rel = relationIds.get(r.type());
            if (rel == null) {
                return null;
            }
            out[i] = new int[] {rel, r.isInverse() ? 1 : 0};
        }
        return out;
    }

    /**
     * Partial paths: for path i, its end node and the edges it used (exact mode) or only its last edge
     * (collapsed mode, past {@link #EXACT_STATE_LIMIT}). In exact mode, paths are kept in lexicographic
     * order of their node sequences.
     */
    private static final class States {
        final int size;
        final int depth;
        final int[] node;
        final int[] edges;      // size * depth, row i = edges of path i (exact) ; collapsed: size * 1
        final int[] parent;     // index into the previous level, for rebuilding node sequences
        final States previous;
        final boolean collapsed;

        States(int size, int depth, int[] node, int[] edges, int[] parent, States previous, boolean collapsed) {
            this.size = size;
            this.depth = depth;
            this.node = node;
            this.edges = edges;
            this.parent = parent;
            this.previous = previous;
            this.collapsed = collapsed;
        }

        static States start(int node) {
            return new States(1, 0, new int[] {node}, new int[0], new int[] {-1}, null, false);
        }

        boolean uses(int i, int edge) {
            if (collapsed) {
                return depth > 0 && edges[i] == edge;
            }
            for (int k = i * depth; k < (i + 1) * depth; k++) {
                if (edges[k] == edge) {
                    return true;
                }
            }
            return false;
        }

        int width() {
            return collapsed ? 1 : depth;
        }
    }

    /**
     * One hop from every state. {@code frontierCap} keeps only paths whose new end node is among the
     * first {@code frontierCap} distinct nodes (by key); {@code cut[0]} receives the number dropped.
     */
    private States expand(States s, int rel, boolean backward, int frontierCap, long deadline, long[] cut) {
        int[] start = backward ? inStart : outStart;
        int[] list = backward ? inEdges : outEdges;
        // count first
        int count = 0;
        for (int i = 0; i < s.size; i++) {
            int node = s.node[i];
            int[] range = relRange(start, list, node, rel);
            for (int k = range[0]; k < range[1]; k++) {
                if (!s.uses(i, list[k])) {
                    count++;
                }
            }
        }
        boolean collapse = s.collapsed || count > EXACT_STATE_LIMIT;
        int depth = s.depth + 1;
        int width = collapse ? 1 : depth;
        int[] node = new int[count];
        int[] edges = new int[count * width];
        int[] parent = new int[count];
        int n = 0;
        for (int i = 0; i < s.size; i++) {
            if ((i & (TIMEOUT_CHECK_EVERY - 1)) == 0 && System.nanoTime() > deadline) {
                throw new TimeoutSignal();
            }
            int from = s.node[i];
            int[] range = relRange(start, list, from, rel);
            for (int k = range[0]; k < range[1]; k++) {
                int e = list[k];
                if (s.uses(i, e)) {
                    continue;
                }
                node[n] = backward ? edgeSrc[e] : edgeDst[e];
                parent[n] = i;
                if (collapse) {
                    edges[n] = e;
                } else {
                    System.arraycopy(s.edges, i * s.depth, edges, n * width, s.depth);
                    edges[n * width + s.depth] = e;
                }
                n++;
            }
        }
        States next = new States(n, depth, node, edges, parent, s, collapse);
        if (frontierCap < Integer.MAX_VALUE) {
            next = capFrontier(next, frontierCap, cut);
        }
        return next;
    }

    private States capFrontier(States s, int cap, long[] cut) {
        BitSet distinct = new BitSet(keys.length);
        for (int i = 0; i < s.size; i++) {
            distinct.set(s.node[i]);
        }
        int total = distinct.cardinality();
        if (total <= cap) {
            return s;
        }
        // keep the first `cap` nodes in key (= id) order
        int kept = 0;
        int limitNode = -1;
        for (int v = distinct.nextSetBit(0); v >= 0; v = distinct.nextSetBit(v + 1)) {
            if (++kept == cap) {
                limitNode = v;
                break;
            }
        }
        cut[0] += total - cap;
        int n = 0;
        for (int i = 0; i < s.size; i++) {
            if (s.node[i] <= limitNode) {
                n++;
            }
        }
        int w = s.width();
        int[] node = new int[n];
        int[] edges = new int[n * w];
        int[] parent = new int[n];
        int j = 0;
        for (int i = 0; i < s.size; i++) {
            if (s.node[i] <= limitNode) {
                node[j] = s.node[i];
                parent[j] = s.parent[i];
                System.arraycopy(s.edges, i * w, edges, j * w, w);
                j++;
            }
        }
        return new States(n, s.depth, node, edges, parent, s.previous, s.collapsed);
    }

    /** [from, to) of the edges of {@code rel} in node's sorted adjacency list. */
    private int[] relRange(int[] start, int[] list, int node, int rel) {
        int lo = start[node];
        int hi = start[node + 1];
        // lists are short on average; binary search keeps hubs cheap
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (edgeRel[list[mid]] < rel) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        int from = a;
        b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (edgeRel[list[mid]] <= rel) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return new int[] {from, a};
    }

    private static final class TimeoutSignal extends RuntimeException {
        TimeoutSignal() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- retrieval

    @Override
    public RetrievalResult retrieve(Entity topic, RelationPath path, RetrievalLimits limits) {
        ExecutedQuery query = new ExecutedQuery("in-memory", "follow " + (path.isEmpty() ? "(empty path)" : path.format())
                + " from $topic", Map.of("topic", topic.key(), "path", path.format()));
        Integer start = ids.get(topic.key());
        int[][] hops = resolve(path);
        if (start == null || hops == null || path.isEmpty()) {
            return new RetrievalResult(topic, path, List.of(), 0, 0, false, query);
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        long[] cut = new long[1];
        States states = States.start(start);
        try {
            for (int[] hop : hops) {
                states = expand(states, hop[0], hop[1] == 1, limits.maxFrontierPerHop(), deadline, cut);
                if (states.size == 0) {
                    break;
                }
            }
        } catch (TimeoutSignal t) {
            throw new QueryTimeoutException("in-memory retrieval of " + path.format() + " from '" + topic.key() + "'",
                    limits.timeout(), null);
        }
        // final states are in lexicographic order of node sequences (each level expands in order and
        // adjacency lists are sorted by neighbour key = id)
        List<ReasoningPath> out = new ArrayList<>();
        long found = 0;
        for (int i = 0; i < states.size; i++) {
            if (!limits.keepTopic() && states.node[i] == start) {
                continue;
            }
            found++;
            if (out.size() < limits.maxPaths()) {
                out.add(materialise(states, i, path));
            }
        }
        boolean truncated = found > out.size() || cut[0] > 0;
        return new RetrievalResult(topic, path, out, found, cut[0], truncated, query);
    }

    private ReasoningPath materialise(States last, int index, RelationPath path) {
        Entity[] seq = new Entity[last.depth + 1];
        States s = last;
        int i = index;
        while (s != null) {
            seq[s.depth] = Entity.named(keys[s.node[i]]);
            i = s.parent[i];
            s = s.previous;
        }
        return new ReasoningPath(Arrays.asList(seq), path);
    }
}
