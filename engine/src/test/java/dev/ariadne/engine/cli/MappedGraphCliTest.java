package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.cypher.mapping.MoviesGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own graph, as it is ({@link MoviesGraph}: {@code (:Person {name})-[:ACTED_IN]->(:Movie {title})},
 * no {@code :Entity} node, no {@code key} property): {@code inspect} proposes the mapping and writes it for
 * editing, {@code index} makes linking's full-text index, {@code train --from-graph} learns a planner from
 * the graph alone through the mapping, and {@code ask} answers with traces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappedGraphCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private String db;
    private Path mapping;
    private CliRun inspect;

    @BeforeAll
    void createTheUsersGraphAndInspectIt(@TempDir Path tmp) throws IOException {
        dir = tmp;
        db = dir.resolve("movies").toString();
        try (EmbeddedGraph graph = EmbeddedGraph.open(Path.of(db))) {
            MoviesGraph.create(graph.database());
        }
        mapping = dir.resolve("mapping.json");
        inspect = CliRun.of("inspect", "--db", db, "--write", mapping.toString());
    }

    @Test
    void inspectProposesTheMappingAndWritesItForEditing() throws IOException {
        assertEquals(0, inspect.exit(), inspect.err());
        String out = inspect.out();
        assertTrue(out.contains("Person: key name, names [name], aliases [aliases], attributes [born]"), out);
        assertTrue(out.contains("Movie: key (element id), names [title], attributes [released, languages, premiere, tagline]"), out);
        assertTrue(out.contains("Award: key (element id), names [], attributes [category, year]"), out);
        assertTrue(out.contains("DIRECTED  3  Director:Person->Movie"), out);
        assertTrue(out.contains("premiere             DATE"), out);
        assertTrue(out.contains("linking's full-text index ariadneNames: missing"), out);
        JsonNode file = JSON.readTree(mapping.toFile());
        assertEquals("ariadne-mapping/1", file.path("format").asText());
        assertEquals("Person", file.path("labels").path(0).path("label").asText());
        assertEquals(5, file.path("labels").path(0).path("nodes").asInt());
        assertTrue(file.path("labels").path(1).path("key").isNull(), file.toString());
        assertEquals(3, file.path("relationshipTypes").path("DIRECTED").path("count").asInt());
        // the file as written reads back: inspect --mapping checks it against the database
        CliRun check = CliRun.of("inspect", "--db", db, "--mapping", mapping.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("mapping (from --mapping, checked):"), check.out());
    }

    @Test
    void anEditedMappingNarrowsWhatIsAnsweredOver() throws IOException {
        Path narrow = edited("narrow.json", List.of("Person", "Movie", "Genre"), List.of("IMPORTED"));
        CliRun stats = CliRun.of("stats", "--db", db, "--mapping", narrow.toString(), "--no-adjacency");
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("entities:       11"), stats.out());
        assertTrue(stats.out().contains("released"), stats.out());
        assertTrue(!stats.out().contains("IMPORTED") && stats.out().contains("WON"), stats.out());
    }

    @Test
    void trainsFromTheGraphAloneAndAnswersThroughTheMapping() throws IOException {
        Path edited = edited("answering.json", List.of("Person", "Movie", "Genre"), List.of("IMPORTED", "WON"));
        CliRun index = CliRun.of("index", "--db", db, "--mapping", edited.toString());
        assertEquals(0, index.exit(), index.err());
        assertTrue(index.out().contains("ariadneNames created over"), index.out());
        CliRun again = CliRun.of("index", "--db", db, "--mapping", edited.toString());
        assertTrue(again.out().contains("ariadneNames already there"), again.out());

        Path planner = dir.resolve("movies.ariadne");
        CliRun train = CliRun.of("train", "--db", db, "--mapping", edited.toString(), "--from-graph",
                "--paths-per-length", "150", "--out", planner.toString());
        assertEquals(0, train.exit(), train.err() + train.out());

        String[][] cases = {
            {"who acted in The Matrix", "Carrie-Anne Moss|Keanu Reeves|Laurence Fishburne"},
            {"who directed The Devil's Advocate", "Taylor Hackford"},
            {"what is the genre of The Matrix Reloaded", "Science Fiction"},
            // attributes, both ways: a property's value, and the nodes holding a value
            {"when was The Matrix released", "1999"},
            {"which movies were released in 2003", "The Matrix Reloaded|The Replacements"},
            {"when was Carrie-Anne Moss born", "1967"},
        };
        List<String> misses = new ArrayList<>();
        for (String[] c : cases) {
            CliRun ask = CliRun.of("ask", "--db", db, "--mapping", edited.toString(), "--model", planner.toString(),
                    "--json", c[0]);
            assertEquals(0, ask.exit(), c[0] + ": " + ask.err());
            JsonNode a = JSON.readTree(ask.out());
            Set<String> names = new TreeSet<>();
            a.path("answers").forEach(x -> names.add(x.path("name").asText()));
            Set<String> expected = new TreeSet<>(List.of(c[1].split("\\|")));
            if (!names.containsAll(expected) || !expected.contains(a.path("answers").path(0).path("name").asText())) {
                misses.add(c[0] + " -> " + names + " via " + a.path("trace").path("plans").path(0).path("path").asText());
            }
            // the trace's paths run through the user's own nodes and values to the answer
            assertTrue(a.path("trace").toString().contains("\"name\":\"" + c[1].split("\\|")[0] + "\""),
                    a.path("trace").toString());
        }
        assertTrue(misses.isEmpty(), "missed: " + misses);
    }

    @Test
    void aBrokenMappingFileIsOneLineNamingTheFileAndLine() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.json"), """
                {
                  "format": "ariadne-mapping/1",
                  "labels": [
                    {"lable": "Person", "names": ["name"]}
                  ]
                }
                """);
        CliRun bad = CliRun.of("ask", "--db", db, "--mapping", typo.toString(), "--zero-shot", "who acted in The Matrix");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("ariadne: " + typo + " line 4: unknown field 'lable'"), bad.err());
        Path unknown = edited("unknown.json", List.of("Person", "Movie"), List.of("ACTS_IN"));
        CliRun wrong = CliRun.of("stats", "--db", db, "--mapping", unknown.toString());
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("mapping: unknown relationship type 'ACTS_IN' (did you mean ACTED_IN"), wrong.err());
        CliRun overBolt = CliRun.of("ask", "--uri", "bolt://localhost:7687", "--mapping", mapping.toString(), "who");
        assertEquals(2, overBolt.exit());
        assertTrue(overBolt.err().contains("--mapping works on an embedded database"), overBolt.err());
    }

    /** The proposed file with only {@code labels} kept and {@code exclude} types left out. */
    private Path edited(String name, List<String> labels, List<String> exclude) throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(mapping.toFile());
        ArrayNode kept = JSON.createArrayNode();
        file.path("labels").forEach(l -> {
            if (labels.contains(l.path("label").asText())) {
                kept.add(l);
            }
        });
        file.set("labels", kept);
        ArrayNode ex = JSON.createArrayNode();
        exclude.forEach(ex::add);
        ((ObjectNode) file.path("relationships")).set("exclude", ex);
        Path out = dir.resolve(name);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), file);
        return out;
    }
}
