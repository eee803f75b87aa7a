package dev.ariadne.langchain4j;

import dev.ariadne.engine.generate.ScriptedOpenAiServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.AnswerGenerators;
import dev.ariadne.core.generate.GenerationStatus;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j integration on the quickstart graph (in memory, a fixed ~directed_by planner so no
 * encoder is loaded) with a scripted OpenAI-compatible server on 127.0.0.1 as the chat model.
 */
class AriadneContentRetrieverTest {
    private static final InMemoryKnowledgeGraph GRAPH = InMemoryKnowledgeGraph.of(QuickstartData.load().triples());
    private static final Planner DIRECTED = (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse("~directed_by"), 1.0));
    private static final Set<String> HER_FILMS = Set.of("The Glass Orchard", "The Cartographer's Daughter", "Fathom Street",
            "The Long Afternoon of Elsa Brandt", "Half a Kingdom of Rain");
    private static final String KEY = "sk-lc4j-secret-77";

    /** The AI Service of docs/generation.md. */
    interface FilmAssistant {
        String answer(String question);
    }

    private static LlmEndpoint endpoint(ScriptedOpenAiServer server) {
        return new LlmEndpoint(URI.create(server.baseUrl()), "scripted-model", KEY, Duration.ofSeconds(10));
    }

    @Test
    void anAiServiceSendsAriadnesPathsToTheModel() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(ScriptedOpenAiServer.Reply.completion(
                "Petra Vossberg directed five films, among them Fathom Street."));
             Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).build()) {
            FilmAssistant assistant = AiServices.builder(FilmAssistant.class)
                    .chatModel(OpenAiGeneratorProvider.chatModel(endpoint(server)))
                    .contentRetriever(AriadneContentRetriever.builder(ariadne).build())
                    .build();
            String reply = assistant.answer("which films did [Petra Vossberg] direct");
            assertEquals("Petra Vossberg directed five films, among them Fathom Street.", reply);
            assertEquals(1, server.requests().size());
            String prompt = server.prompts().get(0);
            for (String film : HER_FILMS) {
                assertTrue(prompt.contains("Petra Vossberg -> ~directed_by -> " + film), "missing path to " + film + " in\n" + prompt);
            }
            assertTrue(prompt.contains("which films did [Petra Vossberg] direct"), prompt);
        }
    }

    @Test
    void oneContentPerSupportingPathWithAnswerScorePlanAndTraceId() {
        try (Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).build()) {
            AriadneContentRetriever retriever = AriadneContentRetriever.builder(ariadne).build();
            List<Content> contents = retriever.retrieve(Query.from("which films did [Petra Vossberg] direct"));
            assertEquals(5, contents.size());
            assertEquals(HER_FILMS, contents.stream().map(c -> c.textSegment().metadata().getString("answer")).collect(Collectors.toSet()));
            for (Content c : contents) {
                var m = c.textSegment().metadata();
                assertEquals("Petra Vossberg -> ~directed_by -> " + m.getString("answer"), c.textSegment().text());
                assertEquals("~directed_by", m.getString("plan"));
                assertEquals(m.getDouble("score"), (Double) c.metadata().get(ContentMetadata.SCORE));
                Answer traced = retriever.trace(m.getString("traceId")).orElseThrow();
                assertEquals(HER_FILMS, Set.copyOf(traced.names()));
            }
            assertEquals(2, AriadneContentRetriever.builder(ariadne).maxContents(2).build()
                    .retrieve(Query.from("which films did [Petra Vossberg] direct")).size());
        }
    }

    @Test
    void aQueryNamingNoEntityRetrievesNothingAndBadOptionsFailAtOnce() {
        try (Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).build()) {
            AriadneContentRetriever retriever = AriadneContentRetriever.builder(ariadne).build();
            assertTrue(retriever.retrieve(Query.from("qwxz vbnm plkj")).isEmpty());
            assertThrows(InvalidInputException.class, () -> AriadneContentRetriever.builder(ariadne).maxContents(0));
            assertThrows(InvalidInputException.class, () -> AriadneContentRetriever.builder(ariadne).tracesKept(-1));
        }
    }

    @Test
    void theOpenAiProviderIsFoundThroughServiceLoaderAndGrounds() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(ScriptedOpenAiServer.Reply.completion(
                "{\"answer\": \"Fathom Street.\", \"entities\": [\"Fathom Street\"]}"))) {
            AnswerGenerator g = AnswerGenerators.forEndpoint(endpoint(server));
            try (Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).generator(g).build()) {
                Answer a = ariadne.ask("which films did [Petra Vossberg] direct");
                assertEquals(List.of("Fathom Street"), a.names());
                assertEquals(GenerationStatus.GROUNDED, a.trace().generationRecord().orElseThrow().status());
                assertEquals("Bearer " + KEY, server.authorizations().get(0));
                assertFalse(a.toString().contains(KEY));
            }
        }
    }
}
