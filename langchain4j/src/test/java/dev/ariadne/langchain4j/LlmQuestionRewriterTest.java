package dev.ariadne.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.generate.QuestionRewriter.Request;
import dev.ariadne.core.generate.QuestionRewriter.Stats;
import dev.ariadne.core.generate.QuestionRewriters;
import dev.ariadne.core.generate.RewriteOptions;
import dev.ariadne.engine.generate.ScriptedOpenAiServer;
import dev.ariadne.engine.generate.ScriptedOpenAiServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rewriter against a scripted OpenAI-compatible server on 127.0.0.1: real HTTP, real LangChain4j client. */
class LlmQuestionRewriterTest {
    private static final String KEY = "sk-rewrite-secret-42";
    private static final Request VOSSBERG = new Request("Petra Vossberg", "the films that Petra Vossberg directed",
            List.of("which films did Petra Vossberg direct", "Petra Vossberg directed which films"));
    private static final Request FATHOM = new Request("Fathom Street", "the year Fathom Street was released",
            List.of("when was Fathom Street released"));
    private static final Request ORCHARD = new Request("The Glass Orchard", "the language of The Glass Orchard",
            List.of("what language is The Glass Orchard in"));
    private static final List<Request> THREE = List.of(VOSSBERG, FATHOM, ORCHARD);

    private static final List<String> VOSSBERG_REWRITES = List.of("What movies has Petra Vossberg directed?",
            "Films by director Petra Vossberg");
    private static final List<String> FATHOM_REWRITES = List.of("What year did Fathom Street come out?", "Fathom Street release year");
    private static final List<String> ORCHARD_REWRITES = List.of("Which language is The Glass Orchard in?",
            "The Glass Orchard is in what language");
    /** All three answered, out of order, fenced and wrapped in prose as chatty models do. */
    private static final String ALL_THREE = """
            Sure! Here are the rewrites:
            ```json
            {"questions":[
              {"id":2,"rewrites":["What year did Fathom Street come out?","Fathom Street release year"]},
              {"id":1,"rewrites":["What movies has Petra Vossberg directed?","Films by director Petra Vossberg"]},
              {"id":3,"rewrites":["Which language is The Glass Orchard in?","The Glass Orchard is in what language"]}
            ]}
            ```
            Let me know if you need more.""";
    private static final String VOSSBERG_ONLY = """
            {"questions":[{"id":1,"rewrites":["What movies has Petra Vossberg directed?","Films by director Petra Vossberg"]}]}""";

    @TempDir
    Path cache;

    private final List<Long> sleeps = new ArrayList<>();
    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);

    private static LlmEndpoint endpoint(ScriptedOpenAiServer server, Duration timeout) {
        return new LlmEndpoint(URI.create(server.baseUrl()), "scripted-model", KEY, timeout);
    }

    private RewriteOptions options(int maxCalls, int batchSize) {
        return new RewriteOptions(cache, maxCalls, batchSize, 2, progress);
    }

    /** Built directly, with a sleeper that records the backoffs instead of waiting them out. */
    private LlmQuestionRewriter rewriter(ScriptedOpenAiServer server, RewriteOptions options) {
        return rewriter(server, options, Duration.ofSeconds(10));
    }

    private LlmQuestionRewriter rewriter(ScriptedOpenAiServer server, RewriteOptions options, Duration timeout) {
        return new LlmQuestionRewriter(OpenAiGeneratorProvider.chatModel(endpoint(server, timeout)), "scripted-model", options, KEY,
                sleeps::add);
    }

    private String progressText() {
        return progressBytes.toString(StandardCharsets.UTF_8);
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void theServiceLoadedRewriterMapsAFencedReplyBackToItsRequestsInOrder() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE));
             QuestionRewriter rewriter = QuestionRewriters.forEndpoint(endpoint(server, Duration.ofSeconds(10)), options(10, 3))) {
            assertInstanceOf(LlmQuestionRewriter.class, rewriter);
            assertEquals(List.of(VOSSBERG_REWRITES, FATHOM_REWRITES, ORCHARD_REWRITES), rewriter.rewrite(THREE));
            assertEquals(new Stats(1, 0, 0, 9), rewriter.stats());

            assertEquals(1, server.requests().size());
            JsonNode body = new ObjectMapper().readTree(server.requests().get(0));
            assertEquals("scripted-model", body.get("model").asText());
            assertEquals(0.0, body.get("temperature").asDouble());
            JsonNode messages = body.get("messages");
            assertEquals("system", messages.get(0).get("role").asText());
            String system = messages.get(0).get("content").asText();
            assertTrue(system.contains("knowledge graph") && system.contains("verbatim") && system.contains("{\"questions\":[{\"id\":1"),
                    system);
            assertTrue(system.contains("Write 2 rewrites for each"), system);
            assertEquals("user", messages.get(1).get("role").asText());
            String user = messages.get(1).get("content").asText();
            for (String expected : List.of("1. topic: Petra Vossberg", "meaning: the films that Petra Vossberg directed",
                    "- which films did Petra Vossberg direct", "- Petra Vossberg directed which films", "2. topic: Fathom Street",
                    "3. topic: The Glass Orchard", "- what language is The Glass Orchard in")) {
                assertTrue(user.contains(expected), "missing '" + expected + "' in\n" + user);
            }
            assertEquals("Bearer " + KEY, server.authorizations().get(0));
        }
    }

    @Test
    void aRequestTheReplyLeavesOutGetsNoRewrites() throws Exception {
        String reply = """
                {"questions":[
                  {"id":1,"rewrites":["What movies has Petra Vossberg directed?","Films by director Petra Vossberg"]},
                  {"id":3,"rewrites":["Which language is The Glass Orchard in?","The Glass Orchard is in what language"]}]}""";
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(reply));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(VOSSBERG_REWRITES, List.of(), ORCHARD_REWRITES), rewriter.rewrite(THREE));
            assertEquals(new Stats(1, 0, 0, 9), rewriter.stats());
        }
    }

    @Test
    void aMalformedReplyLeavesTheBatchEmptyCountsAsFailedAndIsNotCached() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion("I'm sorry, I can't rephrase {these questions}."));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(List.of(), List.of(), List.of()), rewriter.rewrite(THREE));
            assertEquals(new Stats(1, 0, 1, 9), rewriter.stats());
            assertTrue(progressText().contains("question rewrite failed (paths 1-3 of 3): no JSON object with a \"questions\" array"),
                    progressText());
            assertEquals(List.of(), cacheFiles());
        }
    }

    @Test
    void aRateLimitIsRetriedAfterABackoff() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(429, "slow down"), Reply.completion(ALL_THREE));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(VOSSBERG_REWRITES, FATHOM_REWRITES, ORCHARD_REWRITES), rewriter.rewrite(THREE));
            assertEquals(new Stats(2, 0, 0, 8), rewriter.stats());
            assertEquals(List.of(200L), sleeps);
            assertEquals(2, server.requests().size());
            assertFalse(progressText().contains("failed ("), progressText());
        }
    }

    @Test
    void aServerErrorThreeTimesGivesUpOnTheBatchAndNamesTheCauseWithoutTheKey() throws Exception {
        // a server echoing the key back in its error body must not put it on the console
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(500, "upstream broke for key " + KEY));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(List.of(), List.of(), List.of()), rewriter.rewrite(THREE));
            assertEquals(new Stats(3, 0, 1, 7), rewriter.stats());
            assertEquals(List.of(200L, 800L), sleeps);
            assertEquals(3, server.requests().size());
            String text = progressText();
            assertTrue(text.contains("question rewrite failed (paths 1-3 of 3) after 3 tries: HTTP 500"), text);
            assertTrue(text.contains("upstream broke for key [redacted]"), text);
            assertFalse(text.contains(KEY), text);
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(401, "bad key"));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(List.of(), List.of(), List.of()), rewriter.rewrite(THREE));
            assertEquals(new Stats(1, 0, 1, 9), rewriter.stats());
            assertEquals(List.of(), sleeps);
            assertTrue(progressText().contains("after 1 try: HTTP 401"), progressText());
        }
    }

    @Test
    void aTimeoutFailsTheBatchPromptlyWithoutARetry() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE).delayed(10_000));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3), Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            List<List<String>> out = rewriter.rewrite(THREE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of(List.of(), List.of(), List.of()), out);
            assertTrue(ms < 5_000, "took " + ms + " ms");
            assertEquals(new Stats(1, 0, 1, 9), rewriter.stats());
            assertEquals(List.of(), sleeps);
            assertTrue(progressText().contains("after 1 try: timed out"), progressText());
        }
    }

    @Test
    void aSecondRewriterOverTheSameCacheAsksTheModelNothing() throws Exception {
        List<List<String>> first;
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            first = rewriter.rewrite(THREE);
            assertEquals(1, server.requests().size());
        }
        assertEquals(1, cacheFiles().size());
        // a budget of 0 calls: only the cache may answer, and a server that would fail shows any call it gets
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(500, "must not be called"));
             LlmQuestionRewriter rewriter = rewriter(server, options(0, 3))) {
            assertEquals(first, rewriter.rewrite(THREE));
            assertEquals(List.of(), server.requests());
            assertEquals(new Stats(0, 3, 0, 0), rewriter.stats());
            assertFalse(progressText().contains("budget spent"), progressText());
        }
    }

    @Test
    void aCorruptCacheFileIsAMissAndIsOverwritten() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            rewriter.rewrite(THREE);
        }
        Path file = cacheFiles().get(0);
        Files.writeString(file, "{\"questions\": [ {\"id\": 1, \"rewr");
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 3))) {
            assertEquals(List.of(VOSSBERG_REWRITES, FATHOM_REWRITES, ORCHARD_REWRITES), rewriter.rewrite(THREE));
            assertEquals(1, server.requests().size());
            assertEquals(new Stats(1, 0, 0, 9), rewriter.stats());
        }
        assertEquals(List.of(file), cacheFiles());
        assertEquals(ALL_THREE, Files.readString(file));
        assertTrue(progressText().contains("corrupt question-rewrite cache file " + file), progressText());
    }

    @Test
    void aSpentBudgetLeavesTheRemainingBatchesAsDraftedAndSaysSoOnce() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(VOSSBERG_ONLY));
             LlmQuestionRewriter rewriter = rewriter(server, options(1, 1))) {
            assertEquals(List.of(VOSSBERG_REWRITES, List.of(), List.of()), rewriter.rewrite(THREE));
            assertEquals(1, server.requests().size());
            assertEquals(new Stats(1, 0, 0, 0), rewriter.stats());
            String text = progressText();
            assertEquals(1, text.split("budget spent", -1).length - 1, text);
            assertTrue(text.contains("question rewrite budget spent (1 calls)"), text);
        }
    }

    @Test
    void noRetryOnceTheBudgetIsSpent() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(429, "slow down"));
             LlmQuestionRewriter rewriter = rewriter(server, options(2, 3))) {
            assertEquals(List.of(List.of(), List.of(), List.of()), rewriter.rewrite(THREE));
            assertEquals(2, server.requests().size());
            assertEquals(new Stats(2, 0, 1, 0), rewriter.stats());
            assertTrue(progressText().contains("after 2 tries: HTTP 429"), progressText());
            assertTrue(progressText().contains("(no call budget left to retry)"), progressText());
        }
    }

    @Test
    void rewritesThatLostTheTopicAreDropped() throws Exception {
        String reply = """
                {"questions":[{"id":1,"rewrites":["Which films did she direct?","what did petra vossberg direct",
                  "Films directed by P. Vossberg"]}]}""";
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(reply));
             LlmQuestionRewriter rewriter = new LlmQuestionRewriter(OpenAiGeneratorProvider.chatModel(
                     endpoint(server, Duration.ofSeconds(10))), "scripted-model", new RewriteOptions(cache, 10, 1, 3, null))) {
            assertEquals(List.of(List.of("what did petra vossberg direct")), rewriter.rewrite(List.of(VOSSBERG)));
            assertEquals(new Stats(1, 0, 0, 9), rewriter.stats());
        }
    }

    @Test
    void theProgressLineCountsPathsCallsCacheHitsAndFailures() throws Exception {
        // batch 1 answered, batch 2 malformed; then a rerun where batch 1 comes from the cache
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(VOSSBERG_ONLY), Reply.completion("no idea"));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 2))) {
            rewriter.rewrite(List.of(VOSSBERG, FATHOM, ORCHARD));
        }
        String text = progressText();
        assertTrue(text.startsWith("\r  rewriting questions: 0/3 paths, 0 calls, 0 cached, 0 failed"
                + "\r  rewriting questions: 2/3 paths, 1 calls, 0 cached, 0 failed\n"
                + "  question rewrite failed (paths 3-3 of 3): no JSON object"), text);
        assertTrue(text.endsWith("\r  rewriting questions: 3/3 paths, 2 calls, 0 cached, 1 failed\n"), text);

        progressBytes.reset();
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion("{\"questions\":[]}"));
             LlmQuestionRewriter rewriter = rewriter(server, options(10, 2))) {
            rewriter.rewrite(List.of(VOSSBERG, FATHOM, ORCHARD));
        }
        assertEquals("\r  rewriting questions: 0/3 paths, 0 calls, 0 cached, 0 failed"
                + "\r  rewriting questions: 2/3 paths, 0 calls, 2 cached, 0 failed"
                + "\r  rewriting questions: 3/3 paths, 1 calls, 2 cached, 0 failed\n", progressText());
    }

    @Test
    void badConfigurationIsRefused() throws Exception {
        Path file = Files.writeString(cache.resolve("not-a-dir"), "x");
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.completion(ALL_THREE))) {
            var model = OpenAiGeneratorProvider.chatModel(endpoint(server, Duration.ofSeconds(10)));
            assertThrows(InvalidInputException.class, () -> new LlmQuestionRewriter(model, " ", options(10, 3)));
            assertThrows(InvalidInputException.class,
                    () -> new LlmQuestionRewriter(model, "scripted-model", new RewriteOptions(file.resolve("cache"), 10, 3, 2, null)));
            assertEquals(List.of(), server.requests());
        }
    }
}
