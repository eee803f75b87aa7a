package dev.ariadne.cypher.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.cypher.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The shared key cache must serve what earlier transactions read, and never a value some committed or
 * own uncommitted change has replaced: retrieval with it must equal retrieval without it after every
 * random change (renamed keys and names, deleted and recreated nodes whose ids are reused, new
 * neighbours). Seeded: a failure names its seed.
 */
class ReadCacheTest {
    private static final RelationPath PATH = RelationPath.parse("~in -> out");
    private static final RetrievalLimits LIMITS = new RetrievalLimits(40, 15, Duration.ofSeconds(30), false);
    private TestServers.TempGraph graph;

    @BeforeEach
    void open() {
        graph = TestServers.embedded("ariadne-key-cache");
    }

    @AfterEach
    void close() {
        graph.close();
    }

    @Test
    void cachedRetrievalEqualsUncachedAfterEveryCommittedChange() {
        ReadCache cache = ReadCache.of(graph.database());
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            String hub = "hub" + seed;
            // Seeds 3 and 4 build hubs big enough for their first hop to be remembered too.
            build(hub, seed <= 2 ? 30 + random.nextInt(31) : KernelHops.HUB_EDGES + random.nextInt(100), random);
            for (int round = 0; round < 25; round++) {
                List<List<Entity>> cached = retrieve(hub, cache);
                assertEquals(retrieve(hub, null), cached, "seed " + seed + ", round " + round);
                assertEquals(cached, retrieve(hub, cache), "seed " + seed + ", round " + round + " (served from the cache)");
                change(hub, random);
            }
            if (seed > 2) {
                retrieve(hub, cache);
                assertTrue(cache.open().hops() > 0, "seed " + seed + ": the hub's first hop is remembered");
            }
        }
    }

    @Test
    void servesWhatItHoldsUntilATransactionCloses() {
        ReadCache cache = ReadCache.of(graph.database());
        build("hub", 40, new Random(9));
        List<List<Entity>> before = retrieve("hub", null);
        long node;
        try (Transaction tx = graph.database().beginTx()) {
            node = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, before.get(0).get(2).key()).getId();
        }
        // A planted name is served (the cache is read) while no transaction has closed since it was put...
        ReadCache.Generation g = cache.open();
        g.name(node, n -> "planted");
        assertEquals("planted", retrieve("hub", cache).get(0).get(2).name());
        assertSame(g, cache.open(), "no transaction closed: the same generation");
        assertTrue(g.size() > 1, "the retrieval added what it read");
        // ...and gone once any transaction closes, even one that touches nothing retrieval reads.
        graph.database().executeTransactionally("CREATE (:Other {x: 1})");
        assertNotSame(g, cache.open());
        assertEquals(before, retrieve("hub", cache));
    }

    @Test
    void concurrentReadersShareOneGenerationAndAgree() throws Exception {
        ReadCache cache = ReadCache.of(graph.database());
        build("hub", KernelHops.HUB_EDGES + 50, new Random(13));
        List<List<Entity>> expected = retrieve("hub", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Entity>>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> retrieve("hub", cache)));
            }
            for (Future<List<List<Entity>>> f : results) {
                assertEquals(expected, f.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cache.open().hops(), "one remembered hop, shared by all readers");
    }

    @Test
    void aTransactionSeesItsOwnChangesNotTheCache() {
        ReadCache cache = ReadCache.of(graph.database());
        build("hub", 40, new Random(11));
        List<List<Entity>> before = retrieve("hub", cache);
        String renamed = before.get(0).get(2).key();
        try (Transaction tx = graph.database().beginTx()) {
            Node n = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, renamed);
            n.setProperty(GraphModel.KEY, "!" + renamed);
            n.setProperty(GraphModel.NAME, "uncommitted");
            List<List<Entity>> inside = paths(tx, "hub", cache);
            assertEquals(paths(tx, "hub", null), inside);
            assertTrue(inside.stream().anyMatch(p -> p.get(2).key().equals("!" + renamed) && p.get(2).name().equals("uncommitted")),
                    "the transaction's own change is seen");
            tx.rollback();
        }
        assertEquals(before, retrieve("hub", cache), "rolled back: nothing changed");
    }

    @Test
    void aRacingOlderUseNeverReplacesANewerGeneration() {
        AtomicLong closed = new AtomicLong(5);
        ReadCache cache = new ReadCache(new Object(), closed::get, 10);
        ReadCache.Generation five = cache.open();
        closed.set(7);
        ReadCache.Generation seven = cache.open();
        assertNotSame(five, seven);
        closed.set(6);                       // a use that read its id before the newer one was published
        ReadCache.Generation late = cache.open();
        assertNotSame(seven, late);
        late.putKey(1, "x");
        closed.set(7);
        assertSame(seven, cache.open(), "the newer generation stays");
        assertEquals(null, cache.open().key(1));
    }

    @Test
    void aGenerationStopsTakingValuesAtItsBound() {
        ReadCache cache = new ReadCache(new Object(), () -> 1, 3);
        ReadCache.Generation g = cache.open();
        for (long n = 0; n < 10; n++) {
            g.putKey(n, "k" + n);
        }
        assertEquals(3, g.size());
        assertEquals("k0", g.key(0));
        assertEquals(null, g.key(9));
        g.name(0, n -> "full");
        assertEquals(null, g.name(0), "full: not taken");
        ReadCache.Generation next = new ReadCache(new Object(), () -> 1, 3).open();
        next.name(0, n -> null);
        assertSame(ReadCache.ABSENT, next.name(0), "a node without the property is remembered as such");
        ReadCache.Generation hops = new ReadCache(new Object(), () -> 1, 6).open();
        ReadCache.Hop five = new ReadCache.Hop(new long[5], new long[5], new String[5], java.util.Map.of(), 0);
        hops.putHop(1, "~in", 10, five);
        hops.putHop(2, "~in", 10, five);
        assertEquals(1, hops.hops(), "a hop's kept neighbours count against the bound");
        assertSame(five, hops.hop(1, "~in", 10));
        assertEquals(null, hops.hop(1, "~in", 11), "another cap is another hop");
        assertThrows(IllegalArgumentException.class, () -> new ReadCache(new Object(), () -> 1, -1));
    }

    @Test
    void theSizePropertyIsCheckedWithAClearMessage() {
        String before = System.getProperty(ReadCache.MAX_NODES_PROPERTY);
        try {
            System.setProperty(ReadCache.MAX_NODES_PROPERTY, "0");
            assertEquals(0, ReadCache.maxNodes());
            System.setProperty(ReadCache.MAX_NODES_PROPERTY, "-5");
            InvalidInputException e = assertThrows(InvalidInputException.class, ReadCache::maxNodes);
            assertTrue(e.getMessage().contains(ReadCache.MAX_NODES_PROPERTY) && e.getMessage().contains("'-5'"), e.getMessage());
            System.setProperty(ReadCache.MAX_NODES_PROPERTY, "lots");
            assertThrows(InvalidInputException.class, ReadCache::maxNodes);
        } finally {
            if (before == null) {
                System.clearProperty(ReadCache.MAX_NODES_PROPERTY);
            } else {
                System.setProperty(ReadCache.MAX_NODES_PROPERTY, before);
            }
        }
        assertEquals(ReadCache.DEFAULT_MAX_NODES, ReadCache.maxNodes());
    }

    /** A hub with {@code films} films, each with 1-4 outgoing neighbours among 80 others. */
    private void build(String hub, int films, Random random) {
        try (Transaction tx = graph.database().beginTx()) {
            Node h = entity(tx, hub, "Hub " + hub);
            List<Node> others = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                others.add(entity(tx, hub + "-o" + random.nextInt(1_000_000), null));
            }
            for (int i = 0; i < films; i++) {
                Node f = entity(tx, hub + "-f" + random.nextInt(1_000_000), random.nextBoolean() ? "film " + i : null);
                f.createRelationshipTo(h, RelationshipType.withName("in"));
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    f.createRelationshipTo(others.get(random.nextInt(others.size())), RelationshipType.withName("out"));
                }
            }
            tx.commit();
        }
    }

    /** One random committed change near the hub. */
    private void change(String hub, Random random) {
        try (Transaction tx = graph.database().beginTx()) {
            Node h = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, hub);
            List<Node> films = new ArrayList<>();
            h.getRelationships(org.neo4j.graphdb.Direction.INCOMING).forEach(r -> films.add(r.getStartNode()));
            Node film = films.get(random.nextInt(films.size()));
            List<Node> ends = new ArrayList<>();
            film.getRelationships(org.neo4j.graphdb.Direction.OUTGOING, RelationshipType.withName("out")).forEach(r -> ends.add(r.getEndNode()));
            switch (random.nextInt(5)) {
                case 0 -> film.setProperty(GraphModel.KEY, hub + "-f" + random.nextInt(1_000_000) + "r");
                case 1 -> film.setProperty(GraphModel.NAME, "renamed " + random.nextInt(1000));
                case 2 -> film.removeProperty(GraphModel.NAME);
                case 3 -> {
                    // Delete a neighbour and create another in the same transaction: its id may be reused.
                    Node gone = ends.isEmpty() ? film : ends.get(0);
                    if (gone.equals(film)) {
                        break;
                    }
                    gone.getRelationships().forEach(org.neo4j.graphdb.Relationship::delete);
                    gone.delete();
                    Node fresh = entity(tx, hub + "-n" + random.nextInt(1_000_000), "new");
                    film.createRelationshipTo(fresh, RelationshipType.withName("out"));
                }
                default -> ends.forEach(e -> e.setProperty(GraphModel.KEY, "" + (char) ('A' + random.nextInt(26)) + random.nextInt(1_000_000)));
            }
            tx.commit();
        }
    }

    private static Node entity(Transaction tx, String key, String name) {
        Node n = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, key);
        if (n == null) {
            n = tx.createNode(GraphModel.ENTITY);
            n.setProperty(GraphModel.KEY, key);
            if (name != null) {
                n.setProperty(GraphModel.NAME, name);
            }
        }
        return n;
    }

    private List<List<Entity>> retrieve(String hub, ReadCache cache) {
        try (Transaction tx = graph.database().beginTx()) {
            return paths(tx, hub, cache);
        }
    }

    private static List<List<Entity>> paths(Transaction tx, String hub, ReadCache cache) {
        Deadline deadline = Deadline.in("test", LIMITS.timeout());
        List<List<Entity>> out = new ArrayList<>();
        for (ReasoningPath p : EmbeddedRetriever.retrieve(tx, cache, new Entity(hub, hub), PATH, LIMITS, deadline).paths()) {
            out.add(p.entities());
        }
        return out;
    }
}
