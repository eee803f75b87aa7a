package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.QueryTimeoutException;
import dev.ariadne.core.error.UnknownRelationException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Direction;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.core.schema.GraphSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The retrieval contract every implementation passes: embedded (kernel cursors), the procedure over Bolt, and
 * Cypher over Bolt with and without the procedure on the server. Each test writes its own connected
 * component (keys with its own prefix) into the shared database, so tests do not see each other's paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RetrievalContract {
    static final RetrievalLimits ALL = new RetrievalLimits(1_000_000, 1_000_000, Duration.ofSeconds(30), false);

    protected TestGraphs graphs;
    protected GraphAccess access;

    /** Starts the database; returns the in-process database to write fixtures into. */
    protected abstract GraphDatabaseService open();

    /** Called after fixtures are written in {@link #setUp}. */
    protected abstract GraphAccess connect();

    protected abstract void close();

    @BeforeAll
    void setUp() {
        GraphDatabaseService db = open();
        graphs = new TestGraphs(db);
        writeFixtures();
        access = connect();
    }

    @AfterAll
    void tearDown() {
        close();
    }

    private void writeFixtures() {
        graphs.add(List.of(
                t("mv:m1", "directed_by", "mv:d1"), t("mv:m2", "directed_by", "mv:d1"),
                t("mv:m1", "starred_actors", "mv:a1"), t("mv:m1", "starred_actors", "mv:a2"),
                t("mv:m2", "starred_actors", "mv:a1"), t("mv:m1", "in_language", "mv:l1"),
                t("mv:m2", "in_language", "mv:l1")),
                Map.of("mv:m1", "Movie One", "mv:m2", "Movie Two", "mv:d1", "Director One", "mv:a1", "Actor One",
                        "mv:a2", "Actor Two", "mv:l1", "Greek"));
        // p <-> q with two different relationships of the same type; a -t-> b -u-> a -t-> c.
        graphs.add(List.of(t("rep:p", "friend", "rep:q"), t("rep:q", "friend", "rep:p"),
                t("rep:a", "t", "rep:b"), t("rep:b", "u", "rep:a"), t("rep:a", "t", "rep:c")));
        // A hub with ten spokes, each with three leaves.
        List<Triple> star = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            star.add(t("star:h", "spoke", "star:n" + i));
            for (int j = 0; j < 3; j++) {
                star.add(t("star:n" + i, "leaf", "star:n" + i + "-" + j));
            }
        }
        graphs.add(star);
        // Complete bipartite 30 x 30 of one type: long alternating paths explode.
        List<Triple> dense = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                dense.add(t("dense:a" + i, "dense", "dense:b" + j));
            }
        }
        graphs.add(dense);
        graphs.addEntity("lonely:x", "Lonely Entity");
        graphs.add(List.of(t("name:1", "called", "name:2"), t("name:3", "called", "name:2")),
                Map.of("name:1", "Twin Peaks", "name:3", "twin peaks", "name:2", "Lynch"));
        // Injection attempts in keys, names and relation types.
        graphs.add(List.of(t(EVIL_KEY, EVIL_TYPE, "inj:q\"uote'd"), t("inj:q\"uote'd", "plain", EVIL_KEY),
                t("inj:q\"uote'd", "back`tick", "inj:x")),
                Map.of(EVIL_KEY, EVIL_NAME));
        writeRandomGraph();
    }

    static final String EVIL_KEY = "inj:x`}) DETACH DELETE (n) //";
    static final String EVIL_NAME = "Evil'}) DETACH DELETE (n) // \"`";
    static final String EVIL_TYPE = "evil`}) DETACH DELETE (n) //";

    static Triple t(String s, String r, String o) {
        return new Triple(s, r, o);
    }

    static Entity e(String key) {
        return Entity.named(key);
    }

    static RelationPath p(String text) {
        return RelationPath.parse(text);
    }

    static List<List<String>> keys(RetrievalResult r) {
        List<List<String>> out = new ArrayList<>();
        for (ReasoningPath path : r.paths()) {
            out.add(path.entities().stream().map(Entity::key).toList());
        }
        return out;
    }

    static Set<String> answers(RetrievalResult r) {
        Set<String> out = new TreeSet<>();
        r.paths().forEach(path -> out.add(path.end().key()));
        return out;
    }

    RetrievalResult retrieve(String topic, String path, RetrievalLimits limits) {
        return access.retriever().retrieve(e(topic), p(path), limits);
    }

    @Test
    void followsStoredDirection() {
        assertEquals(Set.of("mv:m1", "mv:m2"), answers(retrieve("mv:d1", "~directed_by", ALL)));
        assertTrue(retrieve("mv:d1", "directed_by", ALL).isEmpty());
        assertEquals(Set.of("mv:d1"), answers(retrieve("mv:m1", "directed_by", ALL)));
        assertEquals(Set.of("mv:l1"), answers(retrieve("mv:d1", "~directed_by,in_language", ALL)));
        RetrievalResult r = retrieve("mv:d1", "~directed_by,in_language", ALL);
        assertEquals("[Director One] <-directed_by- [Movie One] -in_language-> [Greek]", r.paths().get(0).renderArrows());
        assertEquals(2, r.pathsFound());
        assertFalse(r.truncated());
    }

    @Test
    void usesEachRelationshipOnce() {
        // a1 -> m1 -> {a1 via the same edge: no; a2}; a1 -> m2 -> a1 only via the same edge: no.
        assertEquals(List.of(List.of("mv:a1", "mv:m1", "mv:a2")), keys(retrieve("mv:a1", "~starred_actors,starred_actors", ALL)));
        // keepTopic does not bring back a path that reuses its edge.
        assertEquals(List.of(List.of("mv:a1", "mv:m1", "mv:a2")),
                keys(retrieve("mv:a1", "~starred_actors,starred_actors", ALL.withKeepTopic(true))));
        // p -> q -> p uses both friend edges; a third hop would need one of them again.
        assertTrue(retrieve("rep:p", "friend,friend,friend", ALL.withKeepTopic(true)).isEmpty());
    }

    @Test
    void nodesMayRepeat() {
        assertEquals(List.of(List.of("rep:a", "rep:b", "rep:a", "rep:c")), keys(retrieve("rep:a", "t,u,t", ALL)));
    }

    @Test
    void dropsTopicUnlessKept() {
        assertTrue(retrieve("rep:p", "friend,friend", ALL).isEmpty());
        RetrievalResult kept = retrieve("rep:p", "friend,friend", ALL.withKeepTopic(true));
        assertEquals(List.of(List.of("rep:p", "rep:q", "rep:p")), keys(kept));
        assertEquals(Set.of("mv:m2"), answers(retrieve("mv:m1", "directed_by,~directed_by", ALL)));
        // Back to m1 would reuse m1's own directed_by edge: keepTopic cannot bring it back.
        assertEquals(Set.of("mv:m2"), answers(retrieve("mv:m1", "directed_by,~directed_by", ALL.withKeepTopic(true))));
    }

    @Test
    void capsPathsInKeyOrderAndCountsTheRest() {
        RetrievalResult r = retrieve("star:h", "spoke,leaf", ALL.withMaxPaths(5));
        assertEquals(30, r.pathsFound());
        assertEquals(0, r.frontierCut());
        assertTrue(r.truncated());
        assertEquals(List.of(List.of("star:h", "star:n0", "star:n0-0"), List.of("star:h", "star:n0", "star:n0-1"),
                List.of("star:h", "star:n0", "star:n0-2"), List.of("star:h", "star:n1", "star:n1-0"),
                List.of("star:h", "star:n1", "star:n1-1")), keys(r));
    }

    @Test
    void capsFrontierBySmallestKeys() {
        RetrievalResult r = retrieve("star:h", "spoke,leaf", ALL.withMaxFrontierPerHop(4));
        // hop 1 keeps n0..n3 (6 cut); hop 2 reaches 12 leaves, keeps the 4 smallest (8 cut).
        assertEquals(14, r.frontierCut());
        assertTrue(r.truncated());
        assertEquals(List.of(List.of("star:h", "star:n0", "star:n0-0"), List.of("star:h", "star:n0", "star:n0-1"),
                List.of("star:h", "star:n0", "star:n0-2"), List.of("star:h", "star:n1", "star:n1-0")), keys(r));
        assertEquals(4, r.pathsFound());
        RetrievalResult one = retrieve("star:h", "spoke", ALL.withMaxFrontierPerHop(1));
        assertEquals(List.of(List.of("star:h", "star:n0")), keys(one));
        assertEquals(9, one.frontierCut());
    }

    @Test
    void isDeterministic() {
        RetrievalResult a = retrieve("dense:a0", "dense,~dense", ALL.withMaxPaths(50));
        RetrievalResult b = retrieve("dense:a0", "dense,~dense", ALL.withMaxPaths(50));
        assertEquals(keys(a), keys(b));
        assertEquals(30 * 29, a.pathsFound());
        List<List<String>> sorted = new ArrayList<>(keys(a));
        sorted.sort(ReferenceGraph.KEY_SEQUENCE);
        assertEquals(sorted, keys(a));
    }

    @Test
    void timesOut() {
        RetrievalLimits quick = ALL.withTimeout(Duration.ofMillis(200));
        long start = System.nanoTime();
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                () -> retrieve("dense:a0", "dense,~dense,dense,~dense,dense,~dense,dense", quick));
        assertEquals(Duration.ofMillis(200), e.budget());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "gave up far too late");
    }

    @Test
    void unknownRelationNamesClosestTypes() {
        UnknownRelationException e = assertThrows(UnknownRelationException.class,
                () -> retrieve("mv:d1", "~direcetd_by,in_language", ALL));
        assertEquals("direcetd_by", e.relation());
        assertEquals("directed_by", e.closest().get(0));
        assertTrue(e.getMessage().contains("did you mean directed_by"), e.getMessage());
        UnknownRelationException f = assertThrows(UnknownRelationException.class,
                () -> retrieve("mv:d1", "~directed_by,in_langauge", ALL));
        assertEquals("in_language", f.closest().get(0));
        assertThrows(UnknownRelationException.class,
                () -> access.constraint().nextRelations(e("mv:d1"), p("~directed_bye")));
    }

    @Test
    void unknownTopicIsReported() {
        EntityNotFoundException e = assertThrows(EntityNotFoundException.class,
                () -> retrieve("mv:nobody", "directed_by", ALL));
        assertEquals("mv:nobody", e.reference());
        assertThrows(EntityNotFoundException.class,
                () -> access.constraint().nextRelations(e("mv:nobody"), RelationPath.EMPTY));
    }

    @Test
    void injectionAttemptsChangeNothing() {
        long nodes = graphs.nodeCount();
        long rels = graphs.relationshipCount();
        RetrievalResult r = retrieve(EVIL_KEY, "~plain,back`tick", ALL);
        assertEquals(List.of(List.of(EVIL_KEY, "inj:q\"uote'd", "inj:x")), keys(r));
        RetrievalResult viaEvilType = access.retriever().retrieve(e(EVIL_KEY),
                RelationPath.of(DirectedRelation.forward(EVIL_TYPE)), ALL);
        assertEquals(List.of(List.of(EVIL_KEY, "inj:q\"uote'd")), keys(viaEvilType));
        assertEquals(EVIL_NAME, viaEvilType.paths().get(0).start().name());
        assertThrows(UnknownRelationException.class, () -> access.retriever().retrieve(e(EVIL_KEY),
                RelationPath.of(new DirectedRelation("plain`]-() DETACH DELETE n //", Direction.FORWARD)), ALL));
        assertThrows(EntityNotFoundException.class, () -> retrieve("x'}) DETACH DELETE (n) //", "plain", ALL));
        assertEquals(Set.of(new RelationFrontier(DirectedRelation.forward(EVIL_TYPE), 1),
                        new RelationFrontier(DirectedRelation.backward("plain"), 1)),
                Set.copyOf(access.constraint().nextRelations(e(EVIL_KEY), RelationPath.EMPTY)));
        assertEquals(EVIL_NAME, access.lookup().byKey(EVIL_KEY).orElseThrow().name());
        assertEquals(List.of(EVIL_KEY), access.lookup().byName(EVIL_NAME, false).stream().map(Entity::key).toList());
        assertEquals(List.of(EVIL_KEY), access.lookup().byName(EVIL_NAME.toUpperCase(), true).stream().map(Entity::key).toList());
        access.lookup().fuzzy("\"}) DETACH DELETE (n) // ` \\ ~* AND OR (", 5);
        access.lookup().fuzzy(EVIL_NAME, 5);
        assertEquals(nodes, graphs.nodeCount());
        assertEquals(rels, graphs.relationshipCount());
    }

    @Test
    void nextRelationsListsOnlyNonEmptyExtensions() {
        assertEquals(List.of(new RelationFrontier(DirectedRelation.forward("directed_by"), 1),
                        new RelationFrontier(DirectedRelation.forward("in_language"), 1),
                        new RelationFrontier(DirectedRelation.forward("starred_actors"), 2)),
                access.constraint().nextRelations(e("mv:m1"), RelationPath.EMPTY));
        // From d1 over both movies: directed_by leads only back to the topic, so it is not offered.
        assertEquals(List.of(new RelationFrontier(DirectedRelation.forward("in_language"), 1),
                        new RelationFrontier(DirectedRelation.forward("starred_actors"), 2)),
                access.constraint().nextRelations(e("mv:d1"), p("~directed_by")));
        // From a1: m1 and m2; via m1 the edge to a1 is used, a2 remains; m2's only actor edge is used.
        List<RelationFrontier> next = access.constraint().nextRelations(e("mv:a1"), p("~starred_actors"));
        assertTrue(next.contains(new RelationFrontier(DirectedRelation.forward("starred_actors"), 1)), next.toString());
        assertTrue(access.constraint().nextRelations(e("lonely:x"), RelationPath.EMPTY).isEmpty());
        assertTrue(access.constraint().nextRelations(e("mv:d1"), p("directed_by")).isEmpty());
    }

    @Test
    void looksUpEntities() {
        assertEquals(new Entity("mv:m1", "Movie One"), access.lookup().byKey("mv:m1").orElseThrow());
        assertTrue(access.lookup().byKey("mv:none").isEmpty());
        assertEquals(List.of(new Entity("name:1", "Twin Peaks")), access.lookup().byName("Twin Peaks", false));
        assertEquals(List.of(new Entity("name:1", "Twin Peaks"), new Entity("name:3", "twin peaks")),
                access.lookup().byName("TWIN PEAKS", true));
        assertTrue(access.lookup().byName("Twin", true).isEmpty());
        List<EntityCandidate> fuzzy = access.lookup().fuzzy("twin peaks", 5);
        assertEquals(Set.of("name:1", "name:3"), Set.of(fuzzy.get(0).entity().key(), fuzzy.get(1).entity().key()));
        assertTrue(fuzzy.get(0).score() >= fuzzy.get(fuzzy.size() - 1).score());
        List<EntityCandidate> typo = access.lookup().fuzzy("Direktor One", 3);
        assertEquals("mv:d1", typo.get(0).entity().key());
        assertTrue(access.lookup().fuzzy("!!!", 3).isEmpty());
    }

    @Test
    void schemaMatchesTheTriples() {
        GraphSchema s = access.refreshSchema();
        TreeMap<String, Long> counts = new TreeMap<>();
        Set<String> entities = new LinkedHashSet<>();
        for (Triple t : graphs.written()) {
            counts.merge(t.relation(), 1L, Long::sum);
            entities.add(t.subject());
            entities.add(t.object());
        }
        assertEquals(counts, new TreeMap<>(s.relationCounts()));
        assertEquals(entities.size() + 1, s.entityCount()); // + the lonely entity
        assertEquals(graphs.written().size(), s.relationshipCount());
        SortedMap<DirectedRelation, ? extends Set<DirectedRelation>> expected = new ReferenceGraph(graphs.written()).adjacency();
        assertEquals(expected, s.adjacency());
        assertTrue(s.canFollow(DirectedRelation.backward("directed_by"), DirectedRelation.forward("in_language")));
    }

    // ---- seeded random paths against the JGraphT reference ----

    static final List<String> RANDOM_TYPES = List.of("ra", "rb", "rc");
    private long seed;
    private List<Triple> randomTriples;

    private void writeRandomGraph() {
        seed = Long.getLong("ariadne.seed", System.nanoTime());
        Random rnd = new Random(seed);
        Set<Triple> triples = new LinkedHashSet<>();
        int nodes = 25;
        int edges = 70 + rnd.nextInt(30);
        while (triples.size() < edges) {
            triples.add(t("rnd:" + rnd.nextInt(nodes), RANDOM_TYPES.get(rnd.nextInt(RANDOM_TYPES.size())), "rnd:" + rnd.nextInt(nodes)));
        }
        randomTriples = List.copyOf(triples);
        graphs.add(randomTriples);
    }

    /** One seeded random query over the random graph. */
    protected record RandomQuery(String topic, RelationPath path, RetrievalLimits limits) {
    }

    /** The {@code n} seeded random queries drawn from {@code rnd} (1-4 hops, caps 1 to 1,000, topic kept or not). */
    protected List<RandomQuery> randomQueries(Random rnd, int n) {
        int[] caps = {1, 2, 3, 7, 1_000};
        List<RandomQuery> out = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            String topic = randomTriples.get(rnd.nextInt(randomTriples.size())).subject();
            List<DirectedRelation> hops = new ArrayList<>();
            int len = 1 + rnd.nextInt(4);
            for (int h = 0; h < len; h++) {
                hops.add(new DirectedRelation(RANDOM_TYPES.get(rnd.nextInt(RANDOM_TYPES.size())),
                        rnd.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD));
            }
            out.add(new RandomQuery(topic, new RelationPath(hops), new RetrievalLimits(caps[rnd.nextInt(caps.length)],
                    caps[rnd.nextInt(caps.length)], Duration.ofSeconds(30), rnd.nextBoolean())));
        }
        return out;
    }

    /** How to replay a failing random test. */
    protected String replay() {
        return " (replay with -Dariadne.seed=" + seed + ")";
    }

    protected long seed() {
        return seed;
    }

    @Test
    void randomPathsMatchReference() {
        ReferenceGraph ref = new ReferenceGraph(randomTriples);
        Random rnd = new Random(seed + 1);
        String replay = replay();
        List<RandomQuery> queries = randomQueries(rnd, 150);
        for (int q = 0; q < queries.size(); q++) {
            String topic = queries.get(q).topic();
            RelationPath path = queries.get(q).path();
            RetrievalLimits limits = queries.get(q).limits();
            ReferenceGraph.Result want = ref.retrieve(topic, path, limits);
            RetrievalResult got = access.retriever().retrieve(e(topic), path, limits);
            String what = "query " + q + ": " + topic + " " + path + " " + limits + replay;
            assertEquals(want.paths(), keys(got), what);
            assertEquals(want.pathsFound(), got.pathsFound(), what);
            assertEquals(want.frontierCut(), got.frontierCut(), what);
            assertEquals(want.truncated(), got.truncated(), what);
            if (q % 5 == 0) {
                RelationPath prefix = path.prefix(rnd.nextInt(path.length()));
                SortedMap<DirectedRelation, Long> wantNext = ref.nextRelations(topic, prefix, Set.copyOf(RANDOM_TYPES));
                TreeMap<DirectedRelation, Long> gotNext = new TreeMap<>();
                for (RelationFrontier f : access.constraint().nextRelations(e(topic), prefix)) {
                    gotNext.put(f.relation(), f.frontierSize());
                }
                assertEquals(wantNext, gotNext, "next relations of " + topic + " after " + prefix + replay);
                assertEquals(List.copyOf(gotNext.keySet()), access.constraint().nextRelationTypes(e(topic), prefix),
                        "next relation types of " + topic + " after " + prefix + replay);
            }
        }
    }
}
