package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.LoadAbortedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/** The Bolt path against an in-process Neo4j Harness on a random local port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoltLoaderTest {
    private static final LoadOptions QUIET = LoadOptions.builder().progress(ProgressMode.NONE).build();

    private Neo4j server;
    private BoltGraph bolt;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path tempDir) {
        dir = tempDir;
        server = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        bolt = BoltGraph.connect(server.boltURI(), null, AuthTokens.none());
    }

    @AfterAll
    void stop() {
        bolt.close();
        server.close();
    }

    @BeforeEach
    void empty() {
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            s.run("MATCH (n) DETACH DELETE n").consume();
        }
    }

    private LoadReport load(LoadOptions options, String fixture) {
        return GraphLoader.bolt(bolt, options).load(List.of(Fixtures.path(fixture)));
    }

    private Set<String> edges() {
        Set<String> out = new TreeSet<>();
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            s.run("MATCH (s:Entity)-[r]->(o:Entity) RETURN s.key AS s, type(r) AS t, o.key AS o").forEachRemaining(
                    row -> out.add(row.get("s").asString() + " -" + row.get("t").asString() + "-> " + row.get("o").asString()));
        }
        return out;
    }

    private long entities() {
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            return s.run("MATCH (n:Entity) RETURN count(n) AS c").single().get("c").asLong();
        }
    }

    @Test
    void loadsIdempotentlyOverBolt() {
        LoadReport first = load(QUIET, "small.txt");
        assertEquals(8, first.triplesLoaded());
        assertEquals(1, first.duplicates());
        assertEquals(6, first.entitiesCreated());
        Set<String> edges = edges();
        assertEquals(8, edges.size());
        LoadReport second = load(QUIET, "small.txt");
        assertEquals(0, second.triplesLoaded());
        assertEquals(9, second.duplicates());
        assertEquals(0, second.entitiesCreated());
        assertEquals(edges, edges());
        assertEquals(6, entities());
    }

    @Test
    void givesTheSameGraphAsTheEmbeddedPath() {
        LoadOptions tinyBatches = QUIET.toBuilder().batchSize(3).build();
        load(tinyBatches, "small.csv");
        Set<String> overBolt = edges();
        try (EmbeddedGraph embedded = EmbeddedGraph.open(dir.resolve("compare"), 16)) {
            GraphLoader.embedded(embedded, QUIET).load(List.of(Fixtures.path("small.csv")));
            Set<String> local = new TreeSet<>();
            try (Transaction tx = embedded.database().beginTx()) {
                tx.execute("MATCH (s:Entity)-[r]->(o:Entity) RETURN s.key AS s, type(r) AS t, o.key AS o")
                        .forEachRemaining(row -> local.add(row.get("s") + " -" + row.get("t") + "-> " + row.get("o")));
            }
            assertEquals(local, overBolt);
        }
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            assertEquals("Blue Harbor", s.run("MATCH (e:Entity {key: 'm1'}) RETURN e.name AS n").single().get("n").asString());
        }
    }

    @Test
    void oddRelationTypesAreQuotedSafely() throws IOException {
        LoadReport r = load(QUIET, "weird.txt");
        assertEquals(6, r.triplesLoaded());
        Map<String, Long> types = new TreeMap<>();
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")
                    .forEachRemaining(row -> types.put(row.get("t").asString(), row.get("c").asLong()));
        }
        assertEquals(Set.of("people.person.nationality", "__music__album__artist", "has`tick", "it's \"quoted\"",
                "x`]-(m) DETACH DELETE m //", "with space"), types.keySet());
        assertEquals(3, entities());

        Path backslash = Files.writeString(dir.resolve("backslash.txt"), "a|x\\u0060y|b\nc|ok|d\n");
        LoadReport b = GraphLoader.bolt(bolt, QUIET).load(List.of(backslash));
        assertEquals(1, b.triplesLoaded());
        assertEquals(1, b.rejectedLines());
        assertTrue(b.rejected().get(0).format().endsWith(":1: invalid relation type 'x\\u0060y': type contains a"
                + " backslash, which cannot be quoted safely in Cypher over Bolt (load it into the embedded database"
                + " instead)"), b.rejected().get(0).format());
    }

    @Test
    void malformedLinesOverBolt() {
        LoadReport r = load(QUIET, "malformed.txt");
        assertEquals(6, r.rejectedLines());
        assertEquals(3, r.triplesLoaded());
        LoadAbortedException e = assertThrows(LoadAbortedException.class,
                () -> load(QUIET.toBuilder().maxErrors(1).build(), "malformed.txt"));
        assertEquals(0, e.committedTriples());
        assertEquals(3, edges().size());
    }

    @Test
    void createsTheSchema() {
        load(QUIET, "small.txt");
        Map<String, String> indexes = new TreeMap<>();
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            s.run("SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' RETURN name, type, state")
                    .forEachRemaining(row -> {
                        indexes.put(row.get("name").asString(), row.get("type").asString());
                        assertEquals("ONLINE", row.get("state").asString());
                    });
            long hits = s.run("CALL db.index.fulltext.queryNodes('entityNames', 'orchard') YIELD node RETURN count(node) AS c")
                    .single().get("c").asLong();
            assertEquals(1, hits);
        }
        assertEquals(Map.of("entity_key", "RANGE", "entity_name", "RANGE", "entityNames", "FULLTEXT"), indexes);
    }
}
