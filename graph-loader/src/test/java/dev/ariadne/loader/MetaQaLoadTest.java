package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.cypher.connect.EmbeddedGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

            LoadReport second = GraphLoader.embedded(graph, options).load(List.of(kb));
            assertEquals(0, second.triplesLoaded());
            assertEquals(133_582, second.duplicates());
            assertEquals(0, second.entitiesCreated());
            assertEquals(counts, GraphCounts.of(graph.database()));
            System.out.printf("MetaQA kb.txt: first load %.0f triples/s, second %.0f triples/s%n",
                    first.triplesPerSecond(), second.triplesPerSecond());
        }
    }
}
