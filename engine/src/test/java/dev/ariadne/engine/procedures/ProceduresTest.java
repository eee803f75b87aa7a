package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.Triple;
import dev.ariadne.cypher.procedures.ExpandProcedure;
import dev.ariadne.engine.quickstart.QuickstartData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/** The procedures on a Harness with the plugin's classes registered, over the quickstart graph, zero-shot. */
class ProceduresTest {
    private static Neo4j neo4j;
    private static GraphDatabaseService db;

    @BeforeAll
    static void start() {
        neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withProcedure(AriadneProcedures.class)
                .withProcedure(ExpandProcedure.class)
                .build();
        db = neo4j.defaultDatabaseService();
        load(db, QuickstartData.load().triples());
    }

    /** Writes triples in the loader's layout through the Core API. */
    static void load(GraphDatabaseService db, List<Triple> triples) {
        Label entity = Label.label("Entity");
        // the loader's schema (dev.ariadne.loader.EntitySchema): unique keys and the full-text index on names
        for (String statement : dev.ariadne.loader.EntitySchema.SCHEMA_STATEMENTS) {
            db.executeTransactionally(statement);
        }
        db.executeTransactionally("CALL db.awaitIndexes(60)");
        try (Transaction tx = db.beginTx()) {
            Map<String, Node> nodes = new HashMap<>();
            for (Triple t : triples) {
                Node s = nodes.computeIfAbsent(t.subject(), k -> node(tx, entity, k));
                Node o = nodes.computeIfAbsent(t.object(), k -> node(tx, entity, k));
                s.createRelationshipTo(o, RelationshipType.withName(t.relation()));
            }
            tx.commit();
        }
    }

    private static Node node(Transaction tx, Label label, String key) {
        Node n = tx.createNode(label);
        n.setProperty("key", key);
        n.setProperty("name", key);
        return n;
    }

    @AfterAll
    static void stop() {
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Test
    void everyProcedureIsListedReadOnlyAndDescribed() {
        Map<String, List<Object>> procs = new TreeMap<>();
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "SHOW PROCEDURES YIELD name, description, mode WHERE name STARTS WITH 'ariadne.' RETURN name, description, mode")) {
            r.forEachRemaining(row -> procs.put((String) row.get("name"), List.of(row.get("description"), row.get("mode"))));
        }
        assertEquals(List.of("ariadne.ask", "ariadne.expand", "ariadne.link", "ariadne.plan", "ariadne.retrieve"), List.copyOf(procs.keySet()));
        procs.forEach((name, v) -> {
            String description = (String) v.get(0);
            assertTrue(description != null && description.startsWith(name + "("), name + ": " + description);
            assertEquals("READ", v.get(1), name);
        });
    }

    @Test
    void linkMarksTheChosenTopicAndReturnsItsNode() {
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.link('Who directed The Glass Orchard?') YIELD key, chosen, node, match, score "
                        + "WHERE chosen RETURN key, node, match, score")) {
            Map<String, Object> row = r.next();
            assertEquals("The Glass Orchard", row.get("key"));
            assertEquals("The Glass Orchard", ((Node) row.get("node")).getProperty("key"));
            assertEquals("EXACT_NAME", row.get("match"));
            assertFalse(r.hasNext());
        }
    }

    @Test
    void planReturnsPathsThatExistFromTheTopic() {
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.plan($q, {plans: 3}) YIELD rank, topic, relations, probability RETURN *",
                Map.of("q", "Who directed [Copper Moon]?"))) {
            List<Map<String, Object>> rows = r.stream().toList();
            assertEquals(3, rows.size());
            assertEquals(1L, rows.get(0).get("rank"));
            for (Map<String, Object> row : rows) {
                assertEquals("Copper Moon", row.get("topic"));
                String rel = (String) row.get("relations");
                long n = (long) tx.execute("CALL ariadne.expand('Copper Moon', $rels) YIELD path RETURN count(path) AS n",
                        Map.of("rels", List.of(rel.split(",")))).next().get("n");
                assertTrue(n > 0, "planned " + rel + " must exist from the topic");
            }
        }
    }

    @Test
    void askYieldsAnswersWithGraphPathsFromTheTopic() {
        try (Transaction tx = db.beginTx(); var r = tx.execute(
                "CALL ariadne.ask($q) YIELD rank, answer, score, path, relations, text, topics RETURN *",
                Map.of("q", "Who directed [Copper Moon]?"))) {
            List<Map<String, Object>> rows = r.stream().toList();
            assertFalse(rows.isEmpty());
            for (Map<String, Object> row : rows) {
                Path p = (Path) row.get("path");
                assertEquals("Copper Moon", p.startNode().getProperty("key"));
                assertEquals(row.get("answer"), p.endNode().getProperty("name"));
                assertEquals(((String) row.get("relations")).split(",").length, p.length());
                assertEquals(List.of("Copper Moon"), row.get("topics"));
            }
        }
    }

    @Test
    void unknownConfigKeyNamesTheClosestValidKey() {
        QueryExecutionException e = assertThrows(QueryExecutionException.class,
                () -> db.executeTransactionally("CALL ariadne.ask('Who directed [Copper Moon]?', {plan: 2})", Map.of(), r -> r.resultAsString()));
        assertTrue(e.getMessage().contains("did you mean 'plans'"), e.getMessage());
    }

    @Test
    void typedFailuresReachTheCaller() {
        QueryExecutionException e = assertThrows(QueryExecutionException.class,
                () -> db.executeTransactionally("CALL ariadne.ask('Who directed [Nobody At All]?')", Map.of(), r -> r.resultAsString()));
        assertTrue(e.getMessage().contains("Nobody At All"), e.getMessage());
    }
}
