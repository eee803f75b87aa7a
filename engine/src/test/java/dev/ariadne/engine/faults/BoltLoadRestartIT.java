package dev.ariadne.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.engine.server.StandaloneNeo4j;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

/**
 * A load over Bolt while the server is killed (SIGKILL) in the middle of it: the load stops with a
 * {@link GraphUnavailableException} that names the server and what was committed before the failing
 * batch, everything it names as committed survived the crash, and loading the same file again after the
 * restart (same data folder, same port) gives exactly the node and relationship counts of a clean load.
 */
// over a minute on a shared 2-core machine: a separate server JVM started more than once
@Tag("slow")
class BoltLoadRestartIT {
    private static final int TRIPLES = 30_000;
    private static final int ENTITIES = 6_000;
    private static final Pattern COMMITTED = Pattern.compile("\\(([\\d,]+) new relationships\\)");

    @TempDir
    Path home;

    @Test
    void aLoadCutByACrashSaysWhatWasCommittedAndLoadingAgainGivesTheCleanCounts() throws Exception {
        Path file = home.resolve("triples.tsv");
        Set<String> entities = new HashSet<>();
        Set<String> triples = new HashSet<>();
        writeTriples(file, entities, triples);
        LoadOptions options = LoadOptions.builder().batchSize(250).progress(ProgressMode.NONE).build();
        try (StandaloneNeo4j server = StandaloneNeo4j.in(home.resolve("neo4j"), null, List.of(), List.of())) {
            Files.createDirectories(server.home());
            server.start();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<LoadReport> report = new AtomicReference<>();
            try (BoltGraph loading = server.connect(); BoltGraph watching = server.connect()) {
                Thread load = new Thread(() -> {
                    try {
                        report.set(GraphLoader.bolt(loading, options).load(List.of(file)));
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "load");
                load.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (relationships(watching) < TRIPLES / 10) {
                    assertTrue(load.isAlive(), "the load ended before a tenth was committed: " + report.get() + " " + failure.get());
                    assertTrue(System.nanoTime() < deadline, "a tenth of the load not committed in 120 s");
                    Thread.sleep(20);
                }
                server.kill();
                load.join(TimeUnit.SECONDS.toMillis(60));
                assertTrue(!load.isAlive(), "the load did not stop within 60 s of the crash");
            }
            Throwable e = failure.get();
            assertNotNull(e, "the load cannot finish on a killed server; it reported " + report.get());
            assertTrue(e instanceof GraphUnavailableException, "a typed failure: " + e);
            String msg = e.getMessage();
            assertTrue(msg.contains(server.uri().toString()) && msg.contains("were committed"), msg);
            Matcher m = COMMITTED.matcher(msg);
            assertTrue(m.find(), msg);
            long committed = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(committed > 0 && committed < triples.size(), msg);

            server.start();
            try (BoltGraph again = server.connect()) {
                long survived = relationships(again);
                assertTrue(survived >= committed, "committed " + committed + " but only " + survived + " survived the crash");
                LoadReport second = GraphLoader.bolt(again, options).load(List.of(file));
                assertEquals(0, second.rejectedLines(), "no line rejected: " + second);
                assertEquals(triples.size(), relationships(again), "relationships after loading again");
                assertEquals(entities.size(), count(again, "MATCH (n) RETURN count(n) AS c"), "nodes after loading again");
                System.out.printf("BoltLoadRestartIT: crash after %,d committed relationships (%,d survived); %s%n",
                        committed, survived, msg);
            }
        }
    }

    /** Random triples over a fixed set of entities, some repeated; the sets get what a clean load holds. */
    private static void writeTriples(Path file, Set<String> entities, Set<String> triples) throws java.io.IOException {
        Random random = new Random(20240611L);
        List<String> lines = new ArrayList<>(TRIPLES);
        for (int i = 0; i < TRIPLES; i++) {
            String s = "e" + random.nextInt(ENTITIES);
            String o = "e" + random.nextInt(ENTITIES);
            String line = s + "\trel_" + random.nextInt(7) + "\t" + o;
            lines.add(line);
            entities.add(s);
            entities.add(o);
            triples.add(line);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static long relationships(BoltGraph graph) {
        return count(graph, "MATCH ()-[r]->() RETURN count(r) AS c");
    }

    private static long count(BoltGraph graph, String cypher) {
        try (Session s = graph.driver().session(graph.sessionConfig())) {
            return s.run(cypher).single().get("c").asLong();
        }
    }
}
