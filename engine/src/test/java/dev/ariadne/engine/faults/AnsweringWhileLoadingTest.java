package dev.ariadne.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.Limits;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.InputFormat;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four threads ask the same question through one {@link Ariadne} (zero-shot planner, real encoder) on an
 * embedded database while a fifth loads new facts into that same database with the real loader. The facts
 * are designed so every committed state is recognisable: batch {@code b} adds the items
 * {@code item-b-0..item-b-(N-1)} held by {@code Archive Hub}, and batches commit in order, so the answer to
 * "which items does [Archive Hub] hold" at commit {@code j} is exactly the items of batches {@code 0..j-1}.
 *
 * <p>Each answer must be such a state, between the batches committed when it started and the batches
 * begun when it ended: no error, nothing from a batch not yet loading (a phantom), nothing missing that was
 * committed before the question started (the read cache must not serve a value from before that commit),
 * and no half batch (a mix of two commits). Runs {@value #DEFAULT_SECONDS} s by default;
 * {@code -Dariadne.concurrency.seconds=60} runs the one minute.
 */
class AnsweringWhileLoadingTest {
    static final String SECONDS_PROPERTY = "ariadne.concurrency.seconds";
    static final int DEFAULT_SECONDS = 12;
    private static final int ASKERS = 4;
    private static final int ITEMS_PER_BATCH = 3;
    private static final int INITIAL_BATCHES = 2;
    private static final String HUB = "Archive Hub";
    private static final String QUESTION = "which items does [Archive Hub] hold";
    private static final RelationPath HOLDS = RelationPath.parse("holds");

    @TempDir
    Path dir;

    /** Batches whose load call has begun / has returned (so is committed); only the loader writes them. */
    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger committed = new AtomicInteger();

    @Test
    void everyAnswerIsACommittedStateAndNewFactsAreSeenAfterTheirCommit() throws Exception {
        int seconds = Integer.getInteger(SECONDS_PROPERTY, DEFAULT_SECONDS);
        LoadOptions options = LoadOptions.builder().format(InputFormat.METAQA).progress(ProgressMode.NONE).maxErrors(0).build();
        Limits limits = Limits.builder().maxHops(1).pathsPerPlan(1_000_000).frontierPerHop(1_000_000)
                .questionTimeout(Duration.ofSeconds(60)).queryTimeout(Duration.ofSeconds(30)).build();
        try (EmbeddedGraph graph = EmbeddedGraph.open(dir.resolve("db"), 64)) {
            GraphLoader loader = GraphLoader.embedded(graph, options);
            for (int b = 0; b < INITIAL_BATCHES; b++) {
                loadBatch(loader, b);
            }
            try (Ariadne ariadne = Ariadne.builder().graph(Neo4jKnowledgeGraph.embedded(graph, false)).zeroShot()
                    .limits(limits).build()) {
                assertEquals(itemsOf(INITIAL_BATCHES), heldItems(ariadne.ask(QUESTION)), "before any concurrent load");
                Outcome outcome = askWhileLoading(ariadne, loader, Duration.ofSeconds(seconds));
                System.out.printf("%d answers checked while %d batches of %d facts were loaded in %d s; "
                                + "%d answers saw a batch committed during the question%n",
                        outcome.answers, committed.get() - INITIAL_BATCHES, ITEMS_PER_BATCH, seconds, outcome.inFlightSeen);
                assertTrue(outcome.answers >= ASKERS, "every asker answered at least once: " + outcome.answers);
                assertTrue(committed.get() > INITIAL_BATCHES + 1, "the loader committed batches: " + committed.get());
                assertEquals(itemsOf(committed.get()), heldItems(ariadne.ask(QUESTION)), "after the last commit");
            }
        }
    }

    private record Outcome(int answers, int inFlightSeen) {
    }

    private Outcome askWhileLoading(Ariadne ariadne, GraphLoader loader, Duration duration) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger inFlightSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(ASKERS + 1);
        try {
            List<Future<?>> askers = new ArrayList<>();
            for (int t = 0; t < ASKERS; t++) {
                askers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        int lo = committed.get();
                        Answer a = ariadne.ask(QUESTION);
                        int hi = begun.get();
                        String problem = inconsistency(a, lo, hi);
                        if (problem != null) {
                            violations.add(problem);
                        }
                        if (heldItems(a).size() > lo * ITEMS_PER_BATCH) {
                            inFlightSeen.incrementAndGet();
                        }
                        answers.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                long end = System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < end) {
                    loadBatch(loader, committed.get());
                }
                return null;
            });
            try {
                writer.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            } finally {
                stop.set(true);
            }
            for (Future<?> f : askers) {
                f.get(120, TimeUnit.SECONDS);      // an asker's exception fails the test here, with its cause
            }
        } finally {
            pool.shutdownNow();
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " answers matched no committed state, e.g. " + violations.peek());
        }
        return new Outcome(answers.get(), inFlightSeen.get());
    }

    /** Why the answer matches no state committed between {@code lo} and {@code hi} batches; null when it does. */
    private static String inconsistency(Answer a, int lo, int hi) {
        Set<String> held = heldItems(a);
        int whole = held.size() / ITEMS_PER_BATCH;
        if (whole < lo || whole > hi) {
            return held.size() + " items, but " + lo + " batches were committed before the question and " + hi
                    + " begun by its end";
        }
        if (!held.equals(itemsOf(whole))) {
            return "items " + held + " are not batches 0.." + (whole - 1);
        }
        for (ScoredAnswer s : a.answers()) {
            if (!held.contains(s.entity().key())) {
                return "answer " + s.entity().key() + " is not among the retrieved items";
            }
        }
        return null;
    }

    /** The ends of the answer's {@code holds} retrievals (the plan every question here must get). */
    private static Set<String> heldItems(Answer a) {
        Set<String> out = new TreeSet<>();
        boolean planned = false;
        for (TracedRetrieval r : a.trace().retrievals()) {
            if (r.plan().path().equals(HOLDS)) {
                planned = true;
                assertTrue(!r.truncated(), "no retrieval limit is reached in this test");
                for (ReasoningPath p : r.paths()) {
                    out.add(p.end().key());
                }
            }
        }
        assertTrue(planned, "the planner chose 'holds' for: " + QUESTION + ", plans: " + a.plans());
        return out;
    }

    private static Set<String> itemsOf(int batches) {
        Set<String> out = new TreeSet<>();
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < ITEMS_PER_BATCH; i++) {
                out.add(item(b, i));
            }
        }
        return out;
    }

    private static String item(int batch, int i) {
        return String.format("item-%06d-%d", batch, i);
    }

    /** Loads batch {@code b} as one file (one write transaction: the batch size is far above its lines). */
    private void loadBatch(GraphLoader loader, int b) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ITEMS_PER_BATCH; i++) {
            text.append(HUB).append("|holds|").append(item(b, i)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("batch-" + b + ".txt"), text);
        begun.set(b + 1);
        LoadReport report = loader.load(List.of(file));
        assertEquals(ITEMS_PER_BATCH, report.triplesLoaded(), "batch " + b + ": " + report.summary());
        committed.set(b + 1);
        Files.delete(file);
    }
}
