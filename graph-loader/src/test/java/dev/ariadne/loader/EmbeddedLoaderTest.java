package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.LoadAbortedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.graphdb.schema.Schema;

/** Loads the hand-written fixtures into one embedded database, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedLoaderTest {
    private static final LoadOptions QUIET = LoadOptions.builder().progress(ProgressMode.NONE).build();

    private Path dir;
    private EmbeddedGraph graph;

    @BeforeAll
    void open(@TempDir Path tempDir) {
        dir = tempDir;
        graph = EmbeddedGraph.open(dir.resolve("db"), 64);
    }

    @AfterAll
    void close() {
        graph.close();
    }

    @BeforeEach
    void empty() {
        try (Transaction tx = graph.database().beginTx()) {
            tx.execute("MATCH (n) DETACH DELETE n").close();
            tx.commit();
        }
    }

    private LoadReport load(LoadOptions options, String... fixtures) {
        List<Path> files = new ArrayList<>();
        for (String f : fixtures) {
            files.add(Fixtures.path(f));
        }
        return GraphLoader.embedded(graph, options).load(files);
    }

    private GraphCounts counts() {
        return GraphCounts.of(graph.database());
    }

    private Set<String> edges() {
        return GraphContents.edges(graph.database());
    }

    private Map<String, String> names() {
        return GraphContents.names(graph.database());
    }

    @Test
    void loadsMetaqaLinesKeepingEveryRelationBetweenAPair() {
        LoadReport r = load(QUIET, "small.txt");
        assertEquals(10, r.linesRead());
        assertEquals(8, r.triplesLoaded());
        assertEquals(1, r.duplicates());
        assertEquals(0, r.rejectedLines());
        assertEquals(6, r.entitiesCreated());
        assertEquals(List.of(Fixtures.path("small.txt")), r.files());
        assertEquals(new GraphCounts(6, 8, Map.of("directed_by", 2L, "written_by", 1L, "starred_actors", 3L,
                "release_year", 2L)), counts());
        assertTrue(edges().containsAll(List.of("Blue Harbor -directed_by-> Ada Quill",
                "Blue Harbor -written_by-> Ada Quill")));
        assertEquals("Ada Quill", names().get("Ada Quill"));
    }

    @Test
    void loadingTwiceLeavesTheSameGraph() {
        load(QUIET, "small.txt");
        GraphCounts once = counts();
        Set<String> edges = edges();
        LoadReport again = load(QUIET, "small.txt");
        assertEquals(0, again.triplesLoaded());
        assertEquals(9, again.duplicates());
        assertEquals(0, again.entitiesCreated());
        assertEquals(once, counts());
        assertEquals(edges, edges());
    }

    @Test
    void incrementalLoadMergesWithWhatIsThere() throws IOException {
        load(QUIET, "small.txt");
        Path more = Files.writeString(dir.resolve("more.txt"),
                "Blue Harbor|directed_by|Ada Quill\nBlue Harbor|directed_by|Mo Vance\nMo Vance|written_by|Night Orchard\n");
        LoadReport r = GraphLoader.embedded(graph, QUIET).load(List.of(more));
        assertEquals(2, r.triplesLoaded());
        assertEquals(1, r.duplicates());
        assertEquals(1, r.entitiesCreated());
        assertEquals(7, counts().entities());
        assertEquals(10, counts().relationships());
    }

    @Test
    void smallBatchesGiveTheSameGraph() {
        load(LoadOptions.builder().progress(ProgressMode.NONE).batchSize(2).build(), "small.txt");
        Set<String> edges = edges();
        empty();
        load(QUIET, "small.txt");
        assertEquals(edges, edges());
        assertEquals(8, edges.size());
    }

    @Test
    void malformedLinesAreReportedAndGoodLinesLoad() {
        List<RejectedLine> seen = new ArrayList<>();
        LoadReport r = load(QUIET.toBuilder().onRejected(seen::add).build(), "malformed.txt");
        Path f = Fixtures.path("malformed.txt");
        List<String> expected = List.of(
                f + ":2: expected 3 fields (subject|relation|object), found 2",
                f + ":4: empty subject (expected subject|relation|object)",
                f + ":5: expected 3 fields (subject|relation|object), found 4",
                f + ":7: invalid relation type '~inverse': type starts with '~' (the inverse mark goes once,"
                        + " before the type)",
                f + ":8: empty object (expected subject|relation|object)",
                f + ":9: invalid relation type 'a,b': type contains ',' (the path separator)");
        assertEquals(expected, seen.stream().map(RejectedLine::format).toList());
        assertEquals(expected, r.rejected().stream().map(RejectedLine::format).toList());
        assertEquals(10, r.linesRead());
        assertEquals(6, r.rejectedLines());
        assertEquals(3, r.triplesLoaded());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill", "Night Orchard -starred_actors-> Tomas Reed",
                "Blue Harbor -starred_actors-> Lena Park"), edges());
    }

    @Test
    void tooManyMalformedLinesStopTheLoadKeepingWhatCameBefore() {
        LoadAbortedException e = assertThrows(LoadAbortedException.class,
                () -> load(QUIET.toBuilder().maxErrors(2).build(), "malformed.txt"));
        assertTrue(e.getMessage().startsWith("load stopped: 3 malformed lines, more than the 2 allowed (--max-errors);"
                + " last: " + Fixtures.path("malformed.txt") + ":5: expected 3 fields"), e.getMessage());
        assertEquals(2, e.committedTriples());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill", "Night Orchard -starred_actors-> Tomas Reed"),
                edges());
        // Fixing nothing and loading with a higher threshold adds the rest without duplicates.
        LoadReport r = load(QUIET, "malformed.txt");
        assertEquals(1, r.triplesLoaded());
        assertEquals(2, r.duplicates());
        assertEquals(3, counts().relationships());
        assertSchemaOnline();
    }

    @Test
    void zeroMaxErrorsStopsAtTheFirst() {
        LoadAbortedException e = assertThrows(LoadAbortedException.class,
                () -> load(QUIET.toBuilder().maxErrors(0).build(), "malformed.txt"));
        assertTrue(e.getMessage().contains("malformed.txt:2:"), e.getMessage());
        assertEquals(1, e.committedTriples());
    }

    @Test
    void oddRelationTypesLoadExactly() {
        LoadReport r = load(QUIET, "weird.txt");
        assertEquals(6, r.triplesLoaded());
        assertEquals(Set.of("people.person.nationality", "__music__album__artist", "has`tick", "it's \"quoted\"",
                "x`]-(m) DETACH DELETE m //", "with space"), counts().perType().keySet());
        assertEquals(3, counts().entities());
    }

    @Test
    void everyFormatLoads() {
        assertEquals(3, load(QUIET, "small.tsv").triplesLoaded());
        empty();
        LoadReport csv = load(QUIET, "small.csv");
        assertEquals(4, csv.triplesLoaded());
        assertEquals("Blue Harbor", names().get("m1"));
        assertEquals("Reed, Tomas", names().get("p2"));
        empty();
        assertEquals(3, load(QUIET, "small.nt").triplesLoaded());
        assertEquals("AdaQuill", names().get("http://example.org/person/AdaQuill"));
        empty();
        assertEquals(4, load(QUIET, "small.ttl").triplesLoaded());
        empty();
        assertEquals(3, load(QUIET, "small.jsonl").triplesLoaded());
        assertEquals("1994", names().get("1994"));
    }

    @Test
    void severalFilesInOneLoadShareEntities() {
        LoadReport r = load(QUIET, "small.txt", "small.tsv");
        assertEquals(9, r.triplesLoaded());
        assertEquals(3, r.duplicates());
        assertEquals(7, counts().entities());
    }

    @Test
    void createsConstraintAndIndexesIdempotently() {
        load(QUIET, "small.txt");
        load(QUIET, "small.tsv");
        assertSchemaOnline();
        try (Transaction tx = graph.database().beginTx()) {
            long fulltextHits = (Long) tx.execute(
                    "CALL db.index.fulltext.queryNodes('entityNames', 'harbor') YIELD node RETURN count(node) AS c")
                    .next().get("c");
            assertEquals(1, fulltextHits);
        }
    }

    private void assertSchemaOnline() {
        try (Transaction tx = graph.database().beginTx()) {
            Schema schema = tx.schema();
            Map<String, IndexType> indexes = new TreeMap<>();
            for (IndexDefinition index : schema.getIndexes()) {
                if (index.getIndexType() != IndexType.LOOKUP) {
                    indexes.put(index.getName(), index.getIndexType());
                    assertEquals(Schema.IndexState.ONLINE, schema.getIndexState(index), index.getName());
                }
            }
            assertEquals(Map.of(EntitySchema.KEY_CONSTRAINT, IndexType.RANGE, EntitySchema.NAME_INDEX, IndexType.RANGE,
                    EntitySchema.FULLTEXT_INDEX, IndexType.FULLTEXT), indexes);
            assertEquals(EntitySchema.KEY_CONSTRAINT, schema.getConstraints().iterator().next().getName());
        }
    }
}
