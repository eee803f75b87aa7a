package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.MoviesGraph;
import dev.ariadne.engine.mapping.MappingFile;
import dev.ariadne.engine.server.StandaloneNeo4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The plugin in a real, standalone Neo4j 5.26 server over a graph with its own labels and no {@code :Entity}
 * node ({@link MoviesGraph}, written over Bolt), read through the mapping named in neo4j.conf with
 * {@code server.jvm.additional=-Dariadne.mapping=...}; zero-shot planner.
 */
class PluginMappedGraphIT {
    private static final Path TARGET = Path.of("target");
    @TempDir
    static Path home;
    private static StandaloneNeo4j server;
    private static BoltGraph bolt;

    @BeforeAll
    static void startServer() throws Exception {
        Path pluginJar = TARGET.resolve("ariadne-plugin.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(pluginJar), "run through 'mvn verify': " + pluginJar + " is made in package");
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve("ariadne-plugin.jar"));
        Path mapping = home.resolve("map.json");
        MappingFile.write(mapping, GraphMapping.builder()
                .label(EntityLabel.of("Person", "name", List.of("name"), List.of("aliases"))
                        .withAttributes(List.of(Attribute.of("born"))))
                .label(EntityLabel.of("Movie", null, List.of("title"), List.of())
                        .withAttributes(List.of(Attribute.of("released"))))
                .label(EntityLabel.of("Genre", null, List.of("name"), List.of()))
                .exclude(List.of("IMPORTED", "WON"))
                .build(), null);
        server = StandaloneNeo4j.in(home, plugins, List.of("dbms.security.procedures.unrestricted=ariadne.*"),
                List.of("-Dariadne.mapping=" + mapping));
        server.start();
        bolt = server.connect();
        try (Session s = bolt.driver().session()) {
            s.executeWrite(tx -> tx.run(MoviesGraph.CREATE).consume());
            s.run("CREATE CONSTRAINT person_name IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE").consume();
        }
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
    void answersOverTheUsersOwnLabelsWithDrawablePaths() {
        assertEquals(0, run("MATCH (n:Entity) RETURN n LIMIT 1", Map.of()).size());
        List<Record> rows = run("CALL ariadne.ask($q) YIELD answer, path, relations WHERE relations = '~ACTED_IN' "
                + "RETURN answer, path", Map.of("q", "who acted in The Matrix"));
        assertFalse(rows.isEmpty(), "log: " + server.log());
        Set<String> answers = new TreeSet<>();
        for (Record r : rows) {
            answers.add(r.get("answer").asString());
            org.neo4j.driver.types.Path p = r.get("path").asPath();
            assertEquals("The Matrix", p.start().get("title").asString());
            assertTrue(p.end().hasLabel("Person"));
        }
        assertEquals(Set.of("Carrie-Anne Moss", "Keanu Reeves", "Laurence Fishburne"), answers);
    }

    @Test
    void linksToTheUsersNodesAndPlansOverTheMappedTypesOnly() {
        List<Record> link = run("CALL ariadne.link('what genre is The Matrix Reloaded') YIELD name, node, chosen "
                + "WHERE chosen RETURN name, node", Map.of());
        assertEquals("The Matrix Reloaded", link.get(0).get("name").asString());
        assertTrue(link.get(0).get("node").asNode().hasLabel("Movie"));
        for (Record r : run("CALL ariadne.plan('what did The Matrix win', {plans: 5}) YIELD relations RETURN relations", Map.of())) {
            assertFalse(r.get("relations").asString().contains("WON"), "WON is excluded by the mapping");
        }
    }
}
