package dev.ariadne.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.error.QueryTimeoutException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.Limits;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.engine.server.StandaloneNeo4j;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.ProgressMode;
import dev.ariadne.models.reasoner.PathReasoner;
import dev.ariadne.models.training.TrainingExample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions over Bolt while the Neo4j server goes away and comes back (same data folder, same port):
 * two threads keep asking the quickstart questions through one {@link Ariadne}; the server is stopped
 * cleanly and started again, then killed (SIGKILL) and started again. Every question must come back
 * either with the answer a run without the restarts gives, or as a typed failure
 * ({@link GraphUnavailableException} naming the server, or {@link QueryTimeoutException}) within its
 * deadline; nothing else may escape, and after each restart the same instance answers again.
 *
 * <p>The planner follows each question's gold path, asking the live graph's constraint over Bolt for
 * every hop (as a trained planner does), so planning, retrieval and linking all go over the wire
 * without loading the text encoder.
 */
// over a minute on a shared 2-core machine: a separate server JVM started more than once
@Tag("slow")
class BoltRestartIT {
    private static final Duration QUESTION_TIMEOUT = Duration.ofSeconds(6);
    /** Scheduling slack on this shared machine beyond a question's own budget. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final int THREADS = 2;

    @TempDir
    static Path home;
    private static StandaloneNeo4j server;
    private static BoltGraph bolt;
    private static Ariadne ariadne;
    private static List<TrainingExample> questions;
    private static final Map<String, List<String>> expected = new LinkedHashMap<>();

    @BeforeAll
    static void startServerAndEngine() throws Exception {
        server = StandaloneNeo4j.in(home, null, List.of(), List.of());
        server.start();
        bolt = server.connect();
        QuickstartData data = QuickstartData.load();
        GraphLoader.bolt(bolt, LoadOptions.builder().progress(ProgressMode.NONE).build())
                .load(List.of(data.writeGraph(home.resolve("graph.txt"))));
        questions = data.trainingExamples(3);
        Map<String, RelationPath> gold = new HashMap<>();
        for (TrainingExample e : questions) {
            gold.put(e.question(), e.goldPath());
        }
        Neo4jKnowledgeGraph graph = Neo4jKnowledgeGraph.bolt(bolt, false);
        // the answers of a run without restarts, under the default (generous) limits: the first
        // questions on a cold server on this shared machine may take seconds
        try (Ariadne untimed = Ariadne.builder().graph(graph).planner(goldPlanner(gold))
                .reasoner(PathReasoner.builder().build()).build()) {
            for (TrainingExample q : questions) {
                expected.put(q.question(), untimed.ask(q.question(), List.of(q.topic().key())).names());
            }
        }
        ariadne = Ariadne.builder().graph(graph).planner(goldPlanner(gold))
                .reasoner(PathReasoner.builder().build())
                .limits(Limits.builder().queryTimeout(Duration.ofSeconds(2)).questionTimeout(QUESTION_TIMEOUT).build())
                .build();
    }

    /** Plans each question's gold path, grown hop by hop only where the graph's constraint allows it. */
    private static Planner goldPlanner(Map<String, RelationPath> gold) {
        return (request, constraint) -> {
            RelationPath path = gold.get(request.question());
            RelationPath prefix = RelationPath.EMPTY;
            for (DirectedRelation hop : path.hops()) {
                if (!constraint.nextRelationTypes(request.topic(), prefix).contains(hop)) {
                    return List.of();
                }
                prefix = prefix.append(hop);
            }
            return List.of(new Plan(request.topic(), path, 1.0));
        };
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (ariadne != null) {
            ariadne.close();
        }
        if (bolt != null) {
            bolt.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static List<String> answer(TrainingExample q) {
        Answer a = ariadne.ask(q.question(), List.of(q.topic().key()));
        return a.names();
    }

    /** One asked question: its answer, or what it threw, and how long it took. */
    private record Outcome(TrainingExample question, List<String> names, Throwable error, long millis, int phase) {
    }

    @Test
    void questionsDuringRestartsAreAnsweredAsWithoutThemOrFailClearlyWithinTheirDeadline() throws Exception {
        assertTrue(expected.values().stream().allMatch(a -> !a.isEmpty()), "every quickstart question has an answer: " + expected);

        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> askers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            Thread asker = new Thread(() -> {
                for (int i = first; running.get(); i += THREADS) {
                    TrainingExample q = questions.get(i % questions.size());
                    int p = phase.get();
                    long t0 = System.nanoTime();
                    List<String> names = null;
                    Throwable error = null;
                    try {
                        names = answer(q);
                    } catch (Throwable e) {
                        error = e;
                    }
                    outcomes.add(new Outcome(q, names, error, (System.nanoTime() - t0) / 1_000_000, p));
                }
            }, "asker-" + t);
            asker.start();
            askers.add(asker);
        }
        try {
            // 0: before; 1: stopped cleanly; 2: started again; 3: killed; 4: started again
            awaitCount(outcomes, 0, false, 10);
            phase.set(1);
            server.stop();
            awaitCount(outcomes, 1, true, 2);
            server.start();
            phase.set(2);
            awaitCount(outcomes, 2, false, 10);
            phase.set(3);
            server.kill();
            awaitCount(outcomes, 3, true, 2);
            server.start();
            phase.set(4);
            awaitCount(outcomes, 4, false, 10);
        } finally {
            running.set(false);
            for (Thread a : askers) {
                a.join(TimeUnit.SECONDS.toMillis(60));
            }
        }

        int answered = 0;
        int failed = 0;
        List<Outcome> snapshot;
        synchronized (outcomes) {
            snapshot = List.copyOf(outcomes);
        }
        for (Outcome o : snapshot) {
            String where = "'" + o.question().question() + "' in phase " + o.phase() + " after " + o.millis() + " ms";
            if (o.error() == null) {
                answered++;
                assertEquals(expected.get(o.question().question()), o.names(), "answer of " + where);
                continue;
            }
            failed++;
            Throwable e = o.error();
            assertTrue(e instanceof GraphUnavailableException || e instanceof QueryTimeoutException,
                    "only a typed graph failure may escape, " + where + ": " + stackTrace(e));
            if (e instanceof GraphUnavailableException) {
                assertTrue(e.getMessage().contains(server.uri().toString()), "the error names the server: " + e.getMessage());
            }
            assertTrue(o.millis() <= QUESTION_TIMEOUT.plus(SLACK).toMillis(),
                    "failed within its deadline, " + where + ": " + e.getMessage());
        }
        System.out.printf("BoltRestartIT: %d questions answered as without restarts, %d failed clearly%n", answered, failed);
        for (TrainingExample q : questions) {
            assertEquals(expected.get(q.question()), answer(q), "after the restarts: " + q.question());
        }
    }

    /**
     * Waits until {@code n} questions asked in {@code phase} have failed (or, with {@code failures}
     * false, been answered): a failure in a down phase shows the outage was seen, answers in an up phase
     * that the engine recovered.
     */
    private static void awaitCount(List<Outcome> outcomes, int phase, boolean failures, int n) throws InterruptedException {
        BooleanSupplier reached = () -> {
            synchronized (outcomes) {
                return outcomes.stream().filter(o -> o.phase() == phase && (o.error() != null) == failures).count() >= n;
            }
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                synchronized (outcomes) {
                    Outcome last = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
                    throw new AssertionError("phase " + phase + ": not " + n + (failures ? " failures" : " answers")
                            + " in 90 s; last outcome: " + (last == null ? "none" : last.names() + " "
                            + (last.error() == null ? "" : stackTrace(last.error()))));
                }
            }
            Thread.sleep(50);
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
