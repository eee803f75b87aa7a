package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.engine.server.PluginFixtures;
import dev.ariadne.engine.server.StandaloneNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.Path.Segment;

/**
 * The plugin in a real, standalone Neo4j 5.26 Community server: the server's jars (copied by the
 * maven-dependency-plugin into target/neo4j-server/lib, without any Ariadne jar), ariadne-plugin.jar in
 * its plugins folder, started as a separate JVM on loopback; the quickstart graph loaded over Bolt, a
 * planner trained and named with -Dariadne.planner_model, and every procedure called with the driver.
 */
class PluginIT {
    private static final Path TARGET = Path.of("target");
    @TempDir
    static Path home;
    private static StandaloneNeo4j server;
    private static BoltGraph bolt;

    @BeforeAll
    static void startServer() throws Exception {
        Path pluginJar = TARGET.resolve("ariadne-plugin.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(pluginJar), "run through 'mvn verify': " + pluginJar + " is made in package");
        try (var jars = Files.list(TARGET.resolve("neo4j-server/lib"))) {
            assertTrue(jars.noneMatch(p -> p.getFileName().toString().startsWith("ariadne-")), "no Ariadne jar on the server classpath");
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve("ariadne-plugin.jar"));
        Path model = home.resolve("planner.ariadne");
        PluginFixtures.trainPlanner(model);
        server = StandaloneNeo4j.in(home, plugins, List.of("dbms.security.procedures.unrestricted=ariadne.*"),
                List.of("-Dariadne.planner_model=" + model));
        server.start();
        bolt = server.connect();
        PluginFixtures.loadQuickstart(bolt, home);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (bolt != null) {
            bolt.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static List<Record> run(String cypher, Map<String, Object> params) {
        try (Session s = bolt.driver().session()) {
            return s.executeRead(tx -> tx.run(cypher, params).list());
        }
    }

    @Test
    void everyProcedureIsInstalledDescribedAndReadOnly() {
        Map<String, String> procs = new TreeMap<>();
        for (Record r : run("SHOW PROCEDURES YIELD name, description, mode WHERE name STARTS WITH 'ariadne.' RETURN *", Map.of())) {
            assertEquals("READ", r.get("mode").asString());
            procs.put(r.get("name").asString(), r.get("description").asString());
        }
        assertEquals(List.of("ariadne.ask", "ariadne.expand", "ariadne.link", "ariadne.plan", "ariadne.retrieve"), List.copyOf(procs.keySet()));
        procs.forEach((n, d) -> assertTrue(d.startsWith(n + "("), n + ": " + d));
    }

    @Test
    void askAnswersWithADrawablePath() {
        List<Record> rows = run("CALL ariadne.ask($q) YIELD rank, answer, score, path, relations, topics RETURN *",
                Map.of("q", "Where was the director of Copper Moon born?"));
        assertFalse(rows.isEmpty(), "log: " + server.log());
        Record best = rows.get(0);
        assertEquals(1, best.get("rank").asLong());
        assertEquals("Tarnholt", best.get("answer").asString());
        org.neo4j.driver.types.Path p = best.get("path").asPath();
        assertEquals("Copper Moon", p.start().get("key").asString());
        assertEquals("Tarnholt", p.end().get("key").asString());
        List<String> types = new ArrayList<>();
        for (Segment seg : p) {
            types.add(seg.relationship().type());
        }
        assertEquals(List.of("directed_by", "born_in"), types);
    }

    @Test
    void linkPlanAndExpand() {
        List<Record> link = run("CALL ariadne.link('Who directed Copper Moon?') YIELD key, chosen WHERE chosen RETURN key", Map.of());
        assertEquals("Copper Moon", link.get(0).get("key").asString());
        List<Record> plans = run("CALL ariadne.plan('Who directed [Copper Moon]?', {plans: 2}) YIELD rank, relations RETURN *", Map.of());
        assertEquals("directed_by", plans.get(0).get("relations").asString());
        List<Record> expand = run("CALL ariadne.expand('Copper Moon', ['directed_by', 'born_in']) YIELD answerKey RETURN answerKey", Map.of());
        assertEquals("Tarnholt", expand.get(0).get("answerKey").asString());
        List<Record> one = run("CALL ariadne.retrieve('Copper Moon', ['directed_by', 'born_in']) YIELD keys RETURN keys", Map.of());
        assertEquals("Tarnholt", one.get(0).get("keys").get(0).get(2).asString());
    }

    @Test
    void badConfigIsAClearError() {
        try {
            run("CALL ariadne.ask('Who directed [Copper Moon]?', {timeout: 5})", Map.of());
            throw new AssertionError("expected an error");
        } catch (org.neo4j.driver.exceptions.ClientException e) {
            assertTrue(e.getMessage().contains("did you mean 'timeoutMs'"), e.getMessage());
        }
    }
}
