package dev.ariadne.engine.generate;

import static dev.ariadne.engine.generate.ScriptedOpenAiServer.Reply.completion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.generate.GenerationStatus;
import dev.ariadne.core.generate.GroundedEntity;
import dev.ariadne.core.generate.ModelCall;
import dev.ariadne.core.generate.UngroundedEntity;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.generate.ScriptedOpenAiServer.Reply;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.engine.trace.TraceJson;
import dev.ariadne.engine.trace.TraceText;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generating reasoner against a real local OpenAI-compatible HTTP server with scripted replies, one
 * test per case the issue lists: what the user gets (answers, sentence) and what the trace says.
 * The question is "which films did [Petra Vossberg] direct" on the quickstart graph with the fixed plan
 * ~directed_by, which retrieves her 5 films; the path reasoner answers all 5.
 */
class GeneratingReasonerTest {
    private static final InMemoryKnowledgeGraph GRAPH = InMemoryKnowledgeGraph.of(QuickstartData.load().triples());
    private static final String QUESTION = "which films did [Petra Vossberg] direct";
    private static final Set<String> HER_FILMS = Set.of("The Glass Orchard", "The Cartographer's Daughter", "Fathom Street",
            "The Long Afternoon of Elsa Brandt", "Half a Kingdom of Rain");
    static final String KEY = "sk-test-never-print-me-42";

    private static final Planner DIRECTED = (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse("~directed_by"), 1.0));

    static ChatModel openAi(ScriptedOpenAiServer server, Duration timeout) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey(KEY).modelName("scripted-model")
                .maxRetries(0).timeout(timeout).build();
    }

    private static Answer ask(ScriptedOpenAiServer server, Duration timeout, int retries) {
        GeneratingReasoner g = GeneratingReasoner.builder(openAi(server, timeout)).maxRetries(retries)
                .backoff(Duration.ofMillis(10)).redacting(KEY).build();
        try (Ariadne a = Ariadne.builder().graph(GRAPH).planner(DIRECTED).generator(g).build()) {
            Answer ans = a.ask(QUESTION);
            // every trace goes through JSON and back unchanged, generation included
            assertEquals(ans.trace(), TraceJson.readAnswer(TraceJson.write(ans)).trace());
            assertFalse(TraceJson.write(ans).contains(KEY), "the API key is in the trace JSON");
            assertFalse(TraceText.render(ans).contains(KEY), "the API key is in the text trace");
            return ans;
        }
    }

    private static Generation generation(Answer a) {
        return a.trace().generationRecord().orElseThrow();
    }

    private static Set<String> names(Answer a) {
        return Set.copyOf(a.names());
    }

    @Test
    void groundedAnswerCarriesItsSupportingPathsAndTheCallsCost() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion(
                "```json\n{\"answer\": \"Petra Vossberg directed The Glass Orchard and Fathom Street.\", "
                        + "\"entities\": [\"The Glass Orchard\", \"fathom street\"]}\n```", 321, 27))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(List.of("The Glass Orchard", "Fathom Street"), a.names());
            assertEquals("Petra Vossberg directed The Glass Orchard and Fathom Street.", a.generatedText().orElseThrow());
            Generation g = generation(a);
            assertEquals(GenerationStatus.GROUNDED, g.status());
            assertEquals("scripted-model", g.model());
            assertEquals(List.of(GroundedEntity.MatchedBy.KEY, GroundedEntity.MatchedBy.NAME),
                    g.grounded().stream().map(GroundedEntity::matchedBy).toList());
            assertTrue(g.ungrounded().isEmpty());
            assertEquals(1, g.calls().size());
            assertEquals(321, g.inputTokens());
            assertEquals(27, g.outputTokens());
            assertEquals(0, g.retries());
            // each answer is backed by the retrieved path that ends at it, and keeps the path reasoner's score
            assertEquals(List.of("Petra Vossberg -> ~directed_by -> Fathom Street"),
                    a.answers().get(1).supportingPaths().stream().map(p -> p.render()).toList());
            assertTrue(a.answers().get(0).score() > 0);
            // the prompt is RoG's reasoning prompt holding every retrieved path and the question
            String prompt = server.prompts().get(0);
            assertTrue(prompt.startsWith("Based on the reasoning paths, please answer the given question."), prompt);
            for (String film : HER_FILMS) {
                assertTrue(prompt.contains("Petra Vossberg -> ~directed_by -> " + film), film);
            }
            assertTrue(prompt.contains(QUESTION));
            assertEquals("Bearer " + KEY, server.authorizations().get(0));
            String json = TraceJson.write(a);
            assertTrue(json.contains("\"answer\" : \"Petra Vossberg directed The Glass Orchard and Fathom Street.\""), json);
        }
    }

    @Test
    void anEntityNotOnThePathsIsReportedUngroundedAndNeverAnswered() throws Exception {
        // "Nine Lanterns" is in the graph (directed by Lucinda Marr) but on no retrieved path; "Citizen Kane" is invented
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion(
                "{\"answer\": \"She directed The Glass Orchard, Nine Lanterns and Citizen Kane.\", "
                        + "\"entities\": [\"The Glass Orchard\", \"Nine Lanterns\", \"Citizen Kane\"]}"))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(List.of("The Glass Orchard"), a.names());
            Generation g = generation(a);
            assertEquals(GenerationStatus.GROUNDED, g.status());
            assertEquals(List.of(new UngroundedEntity("Nine Lanterns"), new UngroundedEntity("Citizen Kane")), g.ungrounded());
            assertEquals("She directed The Glass Orchard, Nine Lanterns and Citizen Kane.", g.text());
            assertTrue(TraceText.render(a).contains("ungrounded (not on any retrieved path, not answered): Citizen Kane"));
        }
    }

    @Test
    void onlyUngroundedEntitiesFallBackToThePathReasoner() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion(
                "{\"answer\": \"Citizen Kane.\", \"entities\": [\"Citizen Kane\"]}"))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(HER_FILMS, names(a));
            assertTrue(a.generatedText().isEmpty(), "an ungrounded sentence is never the answer");
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertEquals("none of the 1 entities the model named is on a retrieved path", g.fallbackReason());
            assertEquals(List.of(new UngroundedEntity("Citizen Kane")), g.ungrounded());
        }
    }

    @Test
    void malformedJsonFallsBackAndSaysWhy() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion("{\"answer\": \"The Glass Orchard\", \"entities\": [\"The Gl"))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(HER_FILMS, names(a));
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertTrue(g.fallbackReason().startsWith("unparseable reply: "), g.fallbackReason());
            assertEquals(1, g.calls().size(), "an unparseable reply is not retried");
            assertEquals(ModelCall.Outcome.OK, g.calls().get(0).outcome());
        }
    }

    @Test
    void anEmptyChoiceListIsRetriedAsAServerErrorThenFallsBack() throws Exception {
        // LangChain4j reports "no choices returned" as an InternalServerException (a server glitch), so it is retried
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.noChoices())) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(HER_FILMS, names(a));
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertEquals(3, server.requests().size());
            assertEquals(List.of(ModelCall.Outcome.SERVER_ERROR, ModelCall.Outcome.SERVER_ERROR, ModelCall.Outcome.SERVER_ERROR),
                    g.calls().stream().map(ModelCall::outcome).toList());
            assertTrue(g.calls().get(0).error().contains("no choices returned"), g.calls().get(0).error());
        }
    }

    @Test
    void http429IsRetriedThenSucceeds() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(429, "Rate limit reached"),
                completion("{\"answer\": \"Fathom Street.\", \"entities\": [\"Fathom Street\"]}", 200, 5))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(List.of("Fathom Street"), a.names());
            Generation g = generation(a);
            assertEquals(GenerationStatus.GROUNDED, g.status());
            assertEquals(List.of(ModelCall.Outcome.RATE_LIMITED, ModelCall.Outcome.OK), g.calls().stream().map(ModelCall::outcome).toList());
            assertEquals(1, g.retries());
            assertNull(g.calls().get(0).inputTokens());
            assertEquals(200, g.inputTokens());
        }
    }

    @Test
    void http500IsRetriedThenFallsBack() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(500, "upstream exploded"))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(HER_FILMS, names(a));
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertEquals(List.of(ModelCall.Outcome.SERVER_ERROR, ModelCall.Outcome.SERVER_ERROR, ModelCall.Outcome.SERVER_ERROR),
                    g.calls().stream().map(ModelCall::outcome).toList());
            assertEquals(3, server.requests().size());
            assertTrue(g.fallbackReason().startsWith("the model failed (SERVER_ERROR after 3 calls)"), g.fallbackReason());
        }
    }

    @Test
    void aTimeoutFallsBack() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(
                completion("{\"answer\": \"late\", \"entities\": [\"Fathom Street\"]}").delayed(3000))) {
            Answer a = ask(server, Duration.ofMillis(300), 1);
            assertEquals(HER_FILMS, names(a));
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertEquals(List.of(ModelCall.Outcome.TIMEOUT, ModelCall.Outcome.TIMEOUT), g.calls().stream().map(ModelCall::outcome).toList());
            assertTrue(g.calls().get(0).millis() >= 250, "the call waited for its timeout: " + g.calls().get(0).millis());
        }
    }

    @Test
    void aVeryLongAnswerIsCutInTheTraceButItsEntitiesAreChecked() throws Exception {
        String longText = "Petra Vossberg directed The Glass Orchard. " + "It is a film. ".repeat(20_000);
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion(
                "{\"answer\": \"" + longText + "\", \"entities\": [\"The Glass Orchard\", \"Invented Film\"]}"))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            assertEquals(List.of("The Glass Orchard"), a.names());
            Generation g = generation(a);
            assertTrue(g.textTruncated());
            assertEquals(2000, g.text().length());
            assertEquals(List.of(new UngroundedEntity("Invented Film")), g.ungrounded());
        }
    }

    @Test
    void theApiKeyNeverAppearsEvenWhenTheServerEchoesIt() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(Reply.error(401, "Incorrect API key provided: " + KEY))) {
            Answer a = ask(server, Duration.ofSeconds(10), 2);
            Generation g = generation(a);
            assertEquals(GenerationStatus.FALLBACK, g.status());
            assertEquals(1, g.calls().size(), "authentication failures are not retried");
            assertTrue(g.calls().get(0).error().contains("[redacted]"), g.calls().get(0).error());
            assertFalse(g.fallbackReason().contains(KEY));
        }
    }

    @Test
    void noRetrievedPathMeansNoCall() throws Exception {
        Planner nothing = (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse("in_language"), 1.0));
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion("{}"));
             Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(nothing).generator(openAi(server, Duration.ofSeconds(5))).build()) {
            Answer a = ariadne.ask(QUESTION);
            assertTrue(a.isEmpty());
            assertEquals(GenerationStatus.SKIPPED, generation(a).status());
            assertTrue(server.requests().isEmpty());
        }
    }

    @Test
    void badOptionsAreRejectedAtOnce() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(completion("{}"))) {
            GeneratingReasoner.Builder b = GeneratingReasoner.builder(openAi(server, Duration.ofSeconds(1)));
            assertThrows(InvalidInputException.class, () -> b.maxRetries(6));
            assertThrows(InvalidInputException.class, () -> b.backoff(Duration.ofMillis(-1)));
            assertThrows(InvalidInputException.class, () -> b.maxPathsInPrompt(0));
            assertThrows(InvalidInputException.class, () -> ReasoningPrompt.of("no placeholders"));
            assertThrows(InvalidInputException.class, () -> ReasoningPrompt.of("{paths} {question} {paths}"));
            assertThrows(InvalidInputException.class, () -> Ariadne.builder().generator(openAi(server, Duration.ofSeconds(1)))
                    .generator(openAi(server, Duration.ofSeconds(1))));
            // a question holding "{paths}" is not expanded
            assertEquals("Q: what is {paths}? P: a -> r -> b", ReasoningPrompt.of("Q: {question} P: {paths}").render("what is {paths}?", "a -> r -> b"));
        }
    }

    @Test
    void theGeneratedSentenceNamesOnlyGroundedEntitiesEvenWhenItMatchesByKeyCase() {
        Entity e = Entity.named("The Glass Orchard");
        assertEquals("the glass orchard", EntityNames.normalise(e.name()));
        assertEquals("amelie poulain 2", EntityNames.normalise("  Amélie_Poulain (2)!"));
    }
}
