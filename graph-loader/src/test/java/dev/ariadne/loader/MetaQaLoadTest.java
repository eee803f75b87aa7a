package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.connect.EmbeddedGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.graphdb.schema.Schema;

/** The full MetaQA KB: the counts the issue names, and the same counts after loading it twice. */
@Tag("slow")
class MetaQaLoadTest {
    @TempDir
    Path dir;

    @Test
    void loadsMetaQaKbIdempotently() {
        Path kb = SharedData.metaqaKb().orElse(null);
        Assumptions.assumeTrue(kb != null, "skipped: ../shared/datasets/metaqa not found");
        LoadOptions options = LoadOptions.builder().progress(ProgressMode.NONE).build();
        try (EmbeddedGraph graph = EmbeddedGraph.open(dir.resolve("db"), 256)) {
            LoadReport first = GraphLoader.embedded(graph, options).load(List.of(kb));
            assertEquals(133_582, first.linesRead());
            assertEquals(133_582, first.triplesLoaded());
            assertEquals(0, first.duplicates());
            assertEquals(0, first.rejectedLines());
            assertEquals(43_234, first.entitiesCreated());
            GraphCounts counts = GraphCounts.of(graph.database());
            assertEquals(43_234, counts.entities());
            assertEquals(133_582, counts.relationships());
            assertEquals(9, counts.perType().size());
            assertEquals(33_718L, counts.perType().get("starred_actors"));
            assertEquals(java.util.Map.of("directed_by", 15_957L, "has_genre", 15_485L, "has_imdb_rating", 314L,
                    "has_imdb_votes", 119L, "has_tags", 28_719L, "in_language", 3_428L, "release_year", 16_715L,
                    "starred_actors", 33_718L, "written_by", 19_127L), counts.perType());
            assertSchemaOnline(graph);

            LoadReport second = GraphLoader.embedded(graph, options).load(List.of(kb));
            assertEquals(0, second.triplesLoaded());
            assertEquals(133_582, second.duplicates());
            assertEquals(0, second.entitiesCreated());
            assertEquals(counts, GraphCounts.of(graph.database()));
            assertSchemaOnline(graph);
            System.out.printf("MetaQA kb.txt: first load %.0f triples/s, second %.0f triples/s%n",
                    first.triplesPerSecond(), second.triplesPerSecond());
        }
    }

    /** The constraint and both indexes by name, and Neo4j's two token lookup indexes, all online. */
    private static void assertSchemaOnline(EmbeddedGraph graph) {
        try (Transaction tx = graph.database().beginTx()) {
            Schema schema = tx.schema();
            java.util.Set<String> names = new java.util.TreeSet<>();
            int lookups = 0;
            for (IndexDefinition index : schema.getIndexes()) {
                assertEquals(Schema.IndexState.ONLINE, schema.getIndexState(index), index.getName());
                if (index.getIndexType() == IndexType.LOOKUP) {
                    lookups++;
                } else {
                    names.add(index.getName());
                }
            }
            assertEquals(2, lookups);
            assertEquals(java.util.Set.of(EntitySchema.KEY_CONSTRAINT, EntitySchema.NAME_INDEX,
                    EntitySchema.FULLTEXT_INDEX), names);
            assertEquals(EntitySchema.KEY_CONSTRAINT, schema.getConstraints().iterator().next().getName());
        }
    }
}
