package dev.ariadne.loader;

import dev.ariadne.cypher.connect.EmbeddedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Transaction;

class ScratchIndexTest {
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void profile() throws Exception {
        Path kb = SharedData.metaqaKb().orElseThrow();
        for (int round = 0; round < 3; round++) {
            Path dir = Files.createTempDirectory("idx");
            try (EmbeddedGraph graph = EmbeddedGraph.open(dir, 256)) {
                EmbeddedWriter w = new EmbeddedWriter(graph.database());
                // load the data with no schema, via a writer whose close we skip
                long c0 = cpu(); long t0 = System.nanoTime();
                LoadRun run = new LoadRun(new GraphWriter() {
                    public void prepare() { w.prepare(); }
                    public BatchResult write(List<ParsedTriple> b) { return w.write(b); }
                    public void close() { }
                }, LoadOptions.builder().progress(ProgressMode.NONE).build());
                run.run(List.of(kb));
                System.out.printf("round %d data: wall %.2fs cpu %.2fs%n", round, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9);
                for (String st : EntitySchema.SCHEMA_STATEMENTS) {
                    c0 = cpu(); t0 = System.nanoTime();
                    try (Transaction tx = graph.database().beginTx()) { tx.execute(st).close(); tx.commit(); }
                    try (Transaction tx = graph.database().beginTx()) { tx.schema().awaitIndexesOnline(10, TimeUnit.MINUTES); }
                    System.out.printf("  %s: wall %.2fs cpu %.2fs%n", st.substring(0, 40), (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9);
                }
            }
        }
    }
}
