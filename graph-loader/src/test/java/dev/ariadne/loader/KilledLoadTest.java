package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;

/**
 * A load killed with SIGKILL ({@code Process.destroyForcibly}) after it has committed some transactions, then
 * the same file loaded again: the graph has exactly the entities and relationships of a clean load, and the
 * constraint and every index are ONLINE. The child reports what is committed (Neo4j's count store, read in
 * its own transactions); the kill comes once some relationships are, so the store holds part of the load (on
 * the fresh-store path: all entities, then relationships in transactions of 20,000) and Neo4j has to recover
 * it on the next open. Tagged slow: 78 s on the shared 2-core machine at load average 8 (two JVMs, two store
 * opens, one recovery, a 100,000-triple load onto the partial store).
 */
@Tag("slow")
class KilledLoadTest {
    private static final int TRIPLES = 100_000;

    @TempDir
    Path dir;

    @Test
    void aLoadKilledMidWayThenRunAgainGivesExactlyTheCleanGraphWithEveryIndexOnline() throws Exception {
        Path kb = dir.resolve("kb.tsv");
        Set<String> triples = new HashSet<>();
        Set<String> entities = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(kb, StandardCharsets.UTF_8)) {
            for (int i = 0; i < TRIPLES; i++) {
                String s = "s" + (i % 30_000);
                String r = "rel_" + (i % 5);
                String o = "o" + ((i * 7L) % 25_000);
                w.write(s + "\t" + r + "\t" + o + "\n");
                triples.add(s + "\t" + r + "\t" + o);
                entities.add(s);
                entities.add(o);
            }
        }
        Path db = dir.resolve("db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), LoadInChild.class.getName(), db.toString(), kb.toString())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        boolean killedWhileLoading = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("committed ")) {
                    output.append(line).append('\n');
                } else if (Long.parseLong(line.split(" ")[2]) > 0) {
                    child.destroyForcibly();
                    killedWhileLoading = true;
                    break;
                }
            }
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
        assertTrue(killedWhileLoading, "the load ended before it could be killed; child output: " + output);
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (EmbeddedGraph graph = EmbeddedGraph.open(db, 64)) {
            GraphCounts partial = GraphCounts.of(graph.database());
            System.out.printf("killed part way: %,d entities, %,d relationships in the store after recovery%n",
                    partial.entities(), partial.relationships());
            assertTrue(partial.entities() + partial.relationships() > 0, "nothing was committed before the kill");
            assertTrue(partial.relationships() < triples.size(), "the whole load was committed before the kill");

            LoadReport again = GraphLoader.embedded(graph, LoadOptions.builder().progress(ProgressMode.NONE).build())
                    .load(List.of(kb));
            assertEquals(TRIPLES, again.linesRead());
            assertEquals(0, again.rejectedLines());
            GraphCounts after = GraphCounts.of(graph.database());
            assertEquals(entities.size(), after.entities(), "entities");
            assertEquals(triples.size(), after.relationships(), "relationships");
            assertEquals(triples.size() - partial.relationships(), again.triplesLoaded(), "the rerun added the rest");
            try (Transaction tx = graph.database().beginTx()) {
                Schema schema = tx.schema();
                Set<String> names = new TreeSet<>();
                for (IndexDefinition index : schema.getIndexes()) {
                    assertEquals(Schema.IndexState.ONLINE, schema.getIndexState(index), index.getName());
                    names.add(index.getName());
                }
                assertTrue(names.containsAll(Set.of(EntitySchema.KEY_CONSTRAINT, EntitySchema.NAME_INDEX,
                        EntitySchema.FULLTEXT_INDEX)), names.toString());
                assertTrue(schema.getConstraintByName(EntitySchema.KEY_CONSTRAINT) != null);
                long distinctKeys = (Long) tx.execute("MATCH (e:Entity) RETURN count(DISTINCT e.key) AS c").next().get("c");
                assertEquals(entities.size(), distinctKeys, "one node per key");
            }
        }
    }
}
