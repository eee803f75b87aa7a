package dev.ariadne.engine.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.QueryTimeoutException;
import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.Limits;
import dev.ariadne.engine.trace.TraceJson;
import dev.ariadne.models.training.TrainingExample;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command end to end on the embedded database (load, train, answer), then the Java
 * API on the graph and planner it left behind: typed failures, batching, and 8 threads asking 1,000
 * questions getting exactly the serial answers.
 */
@Tag("slow")
class QuickstartTest {
    @TempDir
    static Path folder;
    private static Quickstart.Result result;
    private static String output;
    private static Ariadne ariadne;

    @BeforeAll
    static void runQuickstart() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), true);
        result = Quickstart.run(folder, out, true);
        out.flush();
        output = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        ariadne = Ariadne.builder().embedded(folder).pageCacheMib(64).plannerModel(result.model()).build();
    }

    @AfterAll
    static void close() {
        if (ariadne != null) {
            ariadne.close();
        }
    }

    @Test
    void quickstartAnswersEveryDemoQuestionFaithfully() {
        assertTrue(Files.isRegularFile(result.model()), "planner file written");
        assertEquals(result.questions().size(), result.correct(), output);
        for (Answer a : result.answers()) {
            assertFalse(a.isEmpty(), a.question());
            for (ScoredAnswer s : a.answers()) {
                for (ReasoningPath p : s.supportingPaths()) {
                    // faithfulness: every answer is the end of a retrieved path from a linked topic
                    assertEquals(s.entity(), p.end());
                    assertTrue(a.trace().topicEntities().contains(p.start()), p.render());
                }
            }
        }
        assertTrue(output.contains("Which country is the director of Nine Lanterns from?"));
    }

    @Test
    void theApiAnswersOnTheStoredGraphAndModel() {
        Answer a = ariadne.ask("Who wrote Quiet Engines?");
        assertEquals(List.of("Dashiell Orme"), a.names());
        String json = TraceJson.write(a);
        assertEquals(json, TraceJson.write(TraceJson.readAnswer(json)), "the JSON form holds the whole answer");
        Answer given = ariadne.ask("who wrote it", List.of("Quiet Engines"));
        assertEquals(List.of("Dashiell Orme"), given.names());
    }

    @Test
    void failuresAreTyped() {
        assertThrows(EntityNotFoundException.class, () -> ariadne.ask("who directed [No Such Film]"));
        assertThrows(TopicNotFoundException.class, () -> ariadne.ask("zqxv wrrk plth?"));
        assertThrows(EntityNotFoundException.class, () -> ariadne.ask("who directed it", List.of("No Such Film")));
        try (Ariadne strict = Ariadne.builder().graph(ariadne.graph()).planner(ariadne.planner())
                .limits(Limits.builder().questionTimeout(Duration.ofMillis(1)).build()).build()) {
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> strict.ask("Who directed Copper Moon?"));
            assertEquals(Duration.ofMillis(1), e.budget());
        }
    }

    @Test
    void askAllBatchesAndAgreesWithAsk() {
        List<String> qs = List.of("Who directed The Glass Orchard?", "Where was the director of Copper Moon born?",
                "Which country is the director of Nine Lanterns from?");
        List<Answer> batch = ariadne.askAll(qs);
        for (int i = 0; i < qs.size(); i++) {
            assertEquals(signature(ariadne.ask(qs.get(i))), signature(batch.get(i)));
        }
    }

    @Test
    void eightThreadsAskingAThousandQuestionsGetTheSerialAnswers() throws Exception {
        List<String> questions = new ArrayList<>();
        List<TrainingExample> examples = QuickstartData.load().trainingExamples(Quickstart.QUESTIONS_PER_TEMPLATE);
        for (int i = 0; questions.size() < 1_000; i++) {
            questions.add(examples.get((i * 37) % examples.size()).question());
        }
        List<String> serial = new ArrayList<>();
        for (String q : questions) {
            serial.add(signature(ariadne.ask(q)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> signature(ariadne.ask(q))));
            }
            for (int i = 0; i < questions.size(); i++) {
                assertEquals(serial.get(i), futures.get(i).get(), questions.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Everything about an answer except its timings. */
    static String signature(Answer a) {
        StringBuilder sb = new StringBuilder(a.question()).append('\n');
        a.plans().forEach(p -> sb.append(p.topic().key()).append(' ').append(p.path()).append(' ').append(p.probability()).append('\n'));
        for (ScoredAnswer s : a.answers()) {
            sb.append(s.entity().key()).append(' ').append(s.score()).append(' ').append(s.supportingTopics()).append('\n');
            s.supportingPaths().forEach(p -> sb.append("  ").append(p.render()).append('\n'));
        }
        a.noAnswer().ifPresent(n -> sb.append(n));
        return sb.toString();
    }
}
