package dev.ariadne.benchmarks.loader;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * The loader benchmark of issue 2. (1) Embedded: MetaQA {@code kb.txt} into a fresh embedded database,
 * constraint and indexes included, median triples/s of several runs after warm-up loads (3 by default).
 * (2) Bolt, against a
 * Harness started in this JVM: the batched {@code UNWIND} loader on the whole KB versus a naive load that
 * sends one MERGE statement per triple in its own transaction, on a sample. Every run's graph is counted
 * before its time is kept, so a fast wrong load cannot pass.
 *
 * <p>Run: {@code java -cp "distribution/target/ariadne/lib/*" dev.ariadne.benchmarks.loader.LoaderBenchmark
 * [--kb PATH] [--runs N] [--warmups N] [--bolt-runs N] [--naive-sample N] [--batch-size N] [--no-bolt]}
 */
public final class LoaderBenchmark {
    private static final long METAQA_TRIPLES = 133_582;
    private static final long METAQA_ENTITIES = 43_234;
    /**
     * Whole loads run before the timed ones, JMH-style, so that the medians measure the loader and not
     * the JIT compiler: with one warm-up the timed runs kept getting faster up to the fifth, and with three still up to the last. Five is JMH's default number of warm-up iterations. The first
     * warm-up is still printed, as the cold (first load in a JVM) figure.
     */
    private static final int DEFAULT_WARMUPS = 5;

    private LoaderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path kb = null;
        int runs = 5;
        int warmups = DEFAULT_WARMUPS;
        int boltRuns = 3;
        int naiveSample = 5_000;
        boolean bolt = true;
        int batchSize = LoadOptions.DEFAULT_BATCH_SIZE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kb" -> kb = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--bolt-runs" -> boltRuns = Integer.parseInt(args[++i]);
                case "--naive-sample" -> naiveSample = Integer.parseInt(args[++i]);
                case "--no-bolt" -> bolt = false;
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: LoaderBenchmark [--kb PATH] [--runs N] [--warmups N] [--bolt-runs N] [--naive-sample N] [--batch-size N] [--no-bolt]");
                    System.exit(2);
                }
            }
        }
        if (kb == null) {
            kb = findKb();
            if (kb == null) {
                System.out.println("skipped: ../shared/datasets/metaqa/kb.txt not found (pass --kb PATH or -Dariadne.shared=DIR)");
                return;
            }
        }
        boolean isMetaQa = kb.getFileName().toString().equals("kb.txt");
        System.out.printf(Locale.ROOT, "Loader benchmark: %s, %d cores, Java %s, max heap %d MiB%n", kb,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        if (runs < 1 || warmups < 1) {
            System.err.println("--runs and --warmups must be at least 1");
            System.exit(2);
        }
        double[] embedded = embeddedRuns(kb, runs, warmups, isMetaQa, batchSize);
        System.out.printf(Locale.ROOT, "%nembedded, fresh database, indexes included: median %,.0f triples/s over %d runs"
                + " after %d warm-up loads (runs: %s)%n", median(embedded), runs, warmups, format(embedded));
        if (bolt) {
            boltRuns(kb, boltRuns, naiveSample, isMetaQa);
        }
    }

    private static double[] embeddedRuns(Path kb, int runs, int warmups, boolean isMetaQa, int batchSize)
            throws IOException {
        LoadOptions options = LoadOptions.builder().progress(ProgressMode.NONE).batchSize(batchSize).build();
        double[] rates = new double[runs];
        double[] perCpuSecond = new double[runs];
        for (int i = -warmups; i < runs; i++) {
            Path dir = Files.createTempDirectory("ariadne-loader-bench");
            try {
                LoadReport report;
                double cpuSeconds;
                try (EmbeddedGraph graph = EmbeddedGraph.open(dir)) {
                    long cpu0 = processCpuNanos();
                    report = GraphLoader.embedded(graph, options).load(List.of(kb));
                    cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                    long[] counts = counts(graph);
                    check(isMetaQa, report, counts[0], counts[1]);
                }
                if (i >= 0) {
                    rates[i] = report.triplesPerSecond();
                    perCpuSecond[i] = report.triplesRead() / cpuSeconds;
                }
                System.out.printf(Locale.ROOT, "  embedded %s: %,d triples in %.3f s = %,.0f triples/s"
                        + " (process CPU %.2f s, load average %.1f)%n",
                        i < 0 ? "warm-up " + (i + warmups + 1) : "run " + (i + 1), report.triplesRead(),
                        report.elapsed().toNanos() / 1e9, report.triplesPerSecond(), cpuSeconds, loadAverage());
            } finally {
                delete(dir);
            }
        }
        System.out.printf(Locale.ROOT, "embedded: median %,.0f triples per CPU-second of the whole process (all threads,"
                + " GC and JIT included)%n", median(perCpuSecond));
        return rates;
    }

    /** CPU time of every thread of this JVM: what the load cost, whatever else shares the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long[] counts(EmbeddedGraph graph) {
        try (var tx = graph.database().beginTx()) {
            long entities = (Long) tx.execute("MATCH (n:Entity) RETURN count(n) AS c").next().get("c");
            long rels = (Long) tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
            return new long[] {entities, rels};
        }
    }

    private static void check(boolean isMetaQa, LoadReport report, long entities, long relationships) {
        if (report.rejectedLines() > 0) {
            throw new IllegalStateException("benchmark input had " + report.rejectedLines() + " malformed lines");
        }
        if (relationships != report.triplesLoaded()) {
            throw new IllegalStateException("the graph holds " + relationships + " relationships but the loader reported "
                    + report.triplesLoaded());
        }
        if (isMetaQa && (entities != METAQA_ENTITIES || relationships != METAQA_TRIPLES)) {
            throw new IllegalStateException("MetaQA loaded wrong: " + entities + " entities, " + relationships
                    + " relationships (expected " + METAQA_ENTITIES + ", " + METAQA_TRIPLES + ")");
        }
    }

    private static void boltRuns(Path kb, int runs, int naiveSample, boolean isMetaQa) throws IOException {
        Neo4j server = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        try (BoltGraph bolt = BoltGraph.connect(server.boltURI(), null, AuthTokens.none())) {
            LoadOptions options = LoadOptions.builder().progress(ProgressMode.NONE).batchSize(10_000).build();
            double[] batched = new double[runs];
            for (int i = -1; i < runs; i++) {
                wipe(bolt);
                LoadReport report = GraphLoader.bolt(bolt, options).load(List.of(kb));
                long[] c = counts(bolt);
                check(isMetaQa, report, c[0], c[1]);
                if (i >= 0) {
                    batched[i] = report.triplesPerSecond();
                }
                System.out.printf(Locale.ROOT, "  bolt batched %s: %,d triples in %.3f s = %,.0f triples/s%n",
                        i < 0 ? "warm-up" : "run " + (i + 1), report.triplesRead(), report.elapsed().toNanos() / 1e9,
                        report.triplesPerSecond());
            }

            List<String[]> sample = sample(kb, naiveSample);
            Path sampleFile = Files.createTempFile("ariadne-naive-sample", ".txt");
            try {
                Files.write(sampleFile, sample.stream().map(t -> String.join("|", t)).toList(), StandardCharsets.UTF_8);
                wipe(bolt);
                LoadReport batchedSample = GraphLoader.bolt(bolt, options).load(List.of(sampleFile));
                wipe(bolt);
                double naive = naive(bolt, sample);
                long[] c = counts(bolt);
                if (c[1] != batchedSample.triplesLoaded()) {
                    throw new IllegalStateException("naive load made " + c[1] + " relationships, batched made "
                            + batchedSample.triplesLoaded());
                }
                double batchedMedian = median(batched);
                System.out.printf(Locale.ROOT, "%nbolt (in-process Harness): batched UNWIND median %,.0f triples/s over %d runs (runs: %s)%n",
                        batchedMedian, runs, format(batched));
                System.out.printf(Locale.ROOT, "bolt batched on the %,d-triple sample: %,.0f triples/s%n", sample.size(),
                        batchedSample.triplesPerSecond());
                System.out.printf(Locale.ROOT, "bolt naive (one MERGE statement and transaction per triple) on the same sample:"
                        + " %,.0f triples/s%n", naive);
                System.out.printf(Locale.ROOT, "ratio batched (full KB median) / naive: %.1fx; batched / naive on the same sample: %.1fx%n",
                        batchedMedian / naive, batchedSample.triplesPerSecond() / naive);
            } finally {
                Files.deleteIfExists(sampleFile);
            }
        } finally {
            server.close();
        }
    }

    /** The baseline: what a first attempt does, one parameterised statement per triple, each committed alone. */
    private static double naive(BoltGraph bolt, List<String[]> triples) {
        long start = System.nanoTime();
        try (Session session = bolt.driver().session(bolt.sessionConfig())) {
            for (String[] t : triples) {
                String statement = "MERGE (s:Entity {key: $s}) ON CREATE SET s.name = $s "
                        + "MERGE (o:Entity {key: $o}) ON CREATE SET o.name = $o "
                        + "MERGE (s)-[:`" + t[1].replace("`", "``") + "`]->(o)";
                session.executeWriteWithoutResult(tx -> tx.run(statement, Map.of("s", t[0], "o", t[2])).consume());
            }
        }
        return triples.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String[]> sample(Path kb, int n) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(kb, StandardCharsets.UTF_8)) {
            String line;
            while (out.size() < n && (line = r.readLine()) != null) {
                String[] parts = line.split("\\|", -1);
                if (parts.length == 3) {
                    out.add(parts);
                }
            }
        }
        return out;
    }

    private static long[] counts(BoltGraph bolt) {
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            long entities = s.run("MATCH (n:Entity) RETURN count(n) AS c").single().get("c").asLong();
            long rels = s.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
            return new long[] {entities, rels};
        }
    }

    private static void wipe(BoltGraph bolt) {
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    static Path findKb() {
        String configured = System.getProperty("ariadne.shared");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured, "metaqa", "kb.txt"), Path.of(configured, "datasets", "metaqa", "kb.txt"))
                : List.of(Path.of("..", "shared", "datasets", "metaqa", "kb.txt"),
                        Path.of("..", "..", "shared", "datasets", "metaqa", "kb.txt"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String format(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
