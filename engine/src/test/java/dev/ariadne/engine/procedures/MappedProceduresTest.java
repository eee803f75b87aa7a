package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.cypher.mapping.MappingProposal;
import dev.ariadne.cypher.mapping.MoviesGraph;
import dev.ariadne.engine.mapping.MappingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * The procedures on a database with its own labels and no {@code :Entity} node ({@link MoviesGraph}), read
 * through the mapping named by {@code -Dariadne.mapping}: answers are the user's own nodes (a Neo4j path
 * per answer) or property values (no path, a literal answer), zero-shot.
 */
class MappedProceduresTest {
    private static Neo4j neo4j;
    private static GraphDatabaseService db;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ariadne-mapped-procedures");
        Path mapping = dir.resolve("map.json");
        // the mapping is written from the graph itself, as 'ariadne inspect --write' would, before the server starts
        Neo4j seed = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(32)).build();
        try {
            MoviesGraph.create(seed.defaultDatabaseService());
            MappingFile.write(mapping, MappingProposal.detect(seed.defaultDatabaseService()), null);
        } finally {
            seed.close();
        }
        System.setProperty(PluginSettings.MAPPING_PROPERTY, mapping.toString());
        try {
            neo4j = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                    .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .withProcedure(AriadneProcedures.class)
                    .build();
        } finally {
            System.clearProperty(PluginSettings.MAPPING_PROPERTY);
        }
        db = neo4j.defaultDatabaseService();
        MoviesGraph.create(db);
    }

    @AfterAll
    static void stop() throws Exception {
        if (neo4j != null) {
            neo4j.close();
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void thereIsNoEntityLabelAtAll() {
        try (Transaction tx = db.beginTx()) {
            assertEquals(0L, tx.execute("MATCH (n:Entity) RETURN count(n) AS c").columnAs("c").next());
        }
    }

    @Test
    void linksToTheUsersOwnNodes() {
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.link('who acted in The Matrix', {}) YIELD mention, key, name, chosen, node "
                        + "WHERE chosen RETURN mention, key, name, node")) {
            Map<String, Object> row = r.next();
            assertEquals("The Matrix", row.get("name"));
            Node node = (Node) row.get("node");
            assertNotNull(node);
            assertTrue(node.hasLabel(org.neo4j.graphdb.Label.label("Movie")));
            assertEquals(node.getElementId(), row.get("key"), "a movie has no key property: its key is its element id");
        }
    }

    @Test
    void answersWithPathsThroughTheUsersNodes() {
        Set<String> answers = new TreeSet<>();
        List<org.neo4j.graphdb.Path> paths = new ArrayList<>();
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.ask('who acted in The Matrix', {}) YIELD answer, path, relations "
                        + "WHERE relations = '~ACTED_IN' RETURN answer, path, relations")) {
            r.forEachRemaining(row -> {
                answers.add((String) row.get("answer"));
                paths.add((org.neo4j.graphdb.Path) row.get("path"));
                assertEquals("~ACTED_IN", row.get("relations"));
            });
            assertEquals(Set.of("Carrie-Anne Moss", "Keanu Reeves", "Laurence Fishburne"), answers);
            for (org.neo4j.graphdb.Path p : paths) {
                assertEquals("The Matrix", p.startNode().getProperty("title"));
                assertEquals("ACTED_IN", p.lastRelationship().getType().name());
            }
        }
    }

    @Test
    void answersAPropertyAsALiteralWithoutAPath() {
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.plan('when was The Matrix released', {}) YIELD relations RETURN collect(relations) AS plans")) {
            @SuppressWarnings("unchecked")
            List<String> plans = (List<String>) r.next().get("plans");
            assertFalse(plans.isEmpty());
        }
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.ask('when was The Matrix released', {topics: [$m]}) YIELD answer, key, path, relations "
                        + "WHERE relations = 'released' RETURN answer, key, path",
                Map.of("m", matrixKey()))) {
            Map<String, Object> row = r.next();
            assertEquals("1999", row.get("answer"));
            assertEquals("=1999", row.get("key"));
            assertNull(row.get("path"), "a property value is not a node: no Neo4j path holds it");
        }
    }

    private static String matrixKey() {
        try (Transaction tx = db.beginTx()) {
            return tx.findNode(org.neo4j.graphdb.Label.label("Movie"), "title", "The Matrix").getElementId();
        }
    }
}
