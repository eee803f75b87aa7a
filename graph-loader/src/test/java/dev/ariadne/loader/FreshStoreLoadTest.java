package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.LoadAbortedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.ConstraintType;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;

/**
 * Loads into a database folder that has never held data, one per test: the path where the writer holds
 * the triples back, writes entities before relationships and builds the constraint and indexes on a
 * second thread while the relationships are written (the shared-database tests only reach it once).
 */
class FreshStoreLoadTest {
    private static final LoadOptions QUIET = LoadOptions.builder().progress(ProgressMode.NONE).build();
    private static final Set<String> SMALL_EDGES = Set.of(
            "Blue Harbor -directed_by-> Ada Quill", "Blue Harbor -written_by-> Ada Quill",
            "Blue Harbor -starred_actors-> Lena Park", "Blue Harbor -starred_actors-> Tomas Reed",
            "Blue Harbor -release_year-> 1994", "Night Orchard -directed_by-> Ada Quill",
            "Night Orchard -starred_actors-> Tomas Reed", "Night Orchard -release_year-> 1994");

    @TempDir
    Path dir;
    private EmbeddedGraph graph;

    @BeforeEach
    void open() {
        graph = EmbeddedGraph.open(dir.resolve("db"), 64);
    }

    @AfterEach
    void close() {
        graph.close();
    }

    @Test
    void freshLoadGivesTheExactGraphAndSchema() {
        LoadReport r = GraphLoader.embedded(graph, QUIET).load(List.of(Fixtures.path("small.txt")));
        assertEquals(8, r.triplesLoaded());
        assertEquals(1, r.duplicates());
        assertEquals(6, r.entitiesCreated());
        assertEquals(SMALL_EDGES, edges());
        assertEquals(Map.of("1994", "1994", "Ada Quill", "Ada Quill", "Blue Harbor", "Blue Harbor",
                "Lena Park", "Lena Park", "Night Orchard", "Night Orchard", "Tomas Reed", "Tomas Reed"), names());
        assertSchema();

        LoadReport again = GraphLoader.embedded(graph, QUIET).load(List.of(Fixtures.path("small.txt")));
        assertEquals(0, again.triplesLoaded());
        assertEquals(9, again.duplicates());
        assertEquals(0, again.entitiesCreated());
        assertEquals(SMALL_EDGES, edges());
        assertSchema();
    }

    @Test
    void namesFromTheInputAreKeptOnAFreshStore() {
        GraphLoader.embedded(graph, QUIET).load(List.of(Fixtures.path("small.csv")));
        assertEquals("Blue Harbor", names().get("m1"));
        assertEquals("Reed, Tomas", names().get("p2"));
        assertSchema();
    }

    @Test
    void writingHeldTriplesInSeveralRoundsGivesTheSameGraph() {
        // At most 3 triples held and 2 writes per transaction: entities, relationships and the schema
        // are written in several rounds and transactions.
        LoadReport r = new LoadRun(new EmbeddedWriter(graph.database(), 2, 3), QUIET)
                .run(List.of(Fixtures.path("small.txt"), Fixtures.path("small.tsv")));
        assertEquals(9, r.triplesLoaded());
        assertEquals(3, r.duplicates());
        assertEquals(7, r.entitiesCreated());
        assertEquals(9, edges().size());
        assertTrue(edges().containsAll(SMALL_EDGES));
        assertEquals(7, names().size());
        assertSchema();
    }

    @Test
    void tooManyMalformedLinesStopAFreshLoadAfterCommittingWhatCameBefore() {
        LoadAbortedException e = assertThrows(LoadAbortedException.class, () -> GraphLoader.embedded(graph,
                QUIET.toBuilder().maxErrors(2).build()).load(List.of(Fixtures.path("malformed.txt"))));
        assertTrue(e.getMessage().startsWith("load stopped: 3 malformed lines, more than the 2 allowed (--max-errors);"
                + " last: " + Fixtures.path("malformed.txt") + ":5: expected 3 fields"), e.getMessage());
        assertEquals(2, e.committedTriples());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill", "Night Orchard -starred_actors-> Tomas Reed"),
                edges());
        assertSchema();

        LoadReport r = GraphLoader.embedded(graph, QUIET).load(List.of(Fixtures.path("malformed.txt")));
        assertEquals(1, r.triplesLoaded());
        assertEquals(2, r.duplicates());
        assertEquals(3, edges().size());
    }

    @Test
    void zeroMaxErrorsStopsAFreshLoadAtTheFirst() {
        LoadAbortedException e = assertThrows(LoadAbortedException.class, () -> GraphLoader.embedded(graph,
                QUIET.toBuilder().maxErrors(0).build()).load(List.of(Fixtures.path("malformed.txt"))));
        assertTrue(e.getMessage().contains("malformed.txt:2:"), e.getMessage());
        assertEquals(1, e.committedTriples());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill"), edges());
        assertSchema();
    }

    private Set<String> edges() {
        Set<String> out = new TreeSet<>();
        try (Transaction tx = graph.database().beginTx()) {
            tx.execute("MATCH (s)-[r]->(o) RETURN s.key AS s, type(r) AS t, o.key AS o")
                    .forEachRemaining(row -> out.add(row.get("s") + " -" + row.get("t") + "-> " + row.get("o")));
        }
        return out;
    }

    private Map<String, String> names() {
        Map<String, String> out = new TreeMap<>();
        try (Transaction tx = graph.database().beginTx()) {
            long unlabelled = (Long) tx.execute("MATCH (n) WHERE NOT n:Entity RETURN count(n) AS c").next().get("c");
            assertEquals(0, unlabelled);
            tx.execute("MATCH (e:Entity) RETURN e.key AS k, e.name AS n")
                    .forEachRemaining(row -> out.put((String) row.get("k"), (String) row.get("n")));
        }
        return out;
    }

    /** The constraint, both indexes and Neo4j's two token lookup indexes, all online; nothing else. */
    private void assertSchema() {
        try (Transaction tx = graph.database().beginTx()) {
            Schema schema = tx.schema();
            Map<String, String> indexes = new TreeMap<>();
            for (IndexDefinition index : schema.getIndexes()) {
                assertEquals(Schema.IndexState.ONLINE, schema.getIndexState(index), index.getName());
                String target = index.isNodeIndex() && !index.getIndexType().name().equals("LOOKUP")
                        ? index.getLabels().iterator().next().name() + index.getPropertyKeys()
                        : index.isNodeIndex() ? "nodes" : "relationships";
                indexes.put(index.getIndexType() == org.neo4j.graphdb.schema.IndexType.LOOKUP
                        ? "lookup " + target : index.getName(), index.getIndexType() + " " + target);
            }
            assertEquals(Map.of(EntitySchema.KEY_CONSTRAINT, "RANGE Entity[key]", EntitySchema.NAME_INDEX,
                    "RANGE Entity[name]", EntitySchema.FULLTEXT_INDEX, "FULLTEXT Entity[name]",
                    "lookup nodes", "LOOKUP nodes", "lookup relationships", "LOOKUP relationships"), indexes);
            List<ConstraintDefinition> constraints = new java.util.ArrayList<>();
            schema.getConstraints().forEach(constraints::add);
            assertEquals(1, constraints.size());
            assertEquals(EntitySchema.KEY_CONSTRAINT, constraints.get(0).getName());
            assertEquals(ConstraintType.UNIQUENESS, constraints.get(0).getConstraintType());
            long fulltextHits = (Long) tx.execute(
                    "CALL db.index.fulltext.queryNodes('entityNames', 'harbor') YIELD node RETURN count(node) AS c")
                    .next().get("c");
            assertEquals(names().containsValue("Blue Harbor") ? 1 : 0, fulltextHits);
        }
    }
}
