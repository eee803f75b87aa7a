package dev.ariadne.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.generation.augmentation.ContextualQueryAugmenter;

/**
 * The Spring AI retriever on the quickstart graph (in memory, fixed ~directed_by planner): its documents,
 * and Spring AI's own ContextualQueryAugmenter (what RetrievalAugmentationAdvisor uses) putting Ariadne's
 * paths into the prompt.
 */
class AriadneDocumentRetrieverTest {
    private static final InMemoryKnowledgeGraph GRAPH = InMemoryKnowledgeGraph.of(QuickstartData.load().triples());
    private static final Planner DIRECTED = (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse("~directed_by"), 1.0));
    private static final Set<String> HER_FILMS = Set.of("The Glass Orchard", "The Cartographer's Daughter", "Fathom Street",
            "The Long Afternoon of Elsa Brandt", "Half a Kingdom of Rain");

    @Test
    void oneDocumentPerSupportingPathAndTheAugmentedPromptHoldsThePaths() {
        try (Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).build()) {
            AriadneDocumentRetriever retriever = AriadneDocumentRetriever.of(ariadne);
            Query query = new Query("which films did [Petra Vossberg] direct");
            List<Document> docs = retriever.retrieve(query);
            assertEquals(5, docs.size());
            assertEquals(HER_FILMS, docs.stream().map(d -> (String) d.getMetadata().get("answer")).collect(Collectors.toSet()));
            for (Document d : docs) {
                assertEquals("Petra Vossberg -> ~directed_by -> " + d.getMetadata().get("answer"), d.getText());
                assertEquals("~directed_by", d.getMetadata().get("plan"));
                assertEquals(d.getMetadata().get("score"), d.getScore());
                assertTrue(retriever.trace((String) d.getMetadata().get("traceId")).isPresent());
            }
            Query augmented = ContextualQueryAugmenter.builder().build().augment(query, docs);
            for (String film : HER_FILMS) {
                assertTrue(augmented.text().contains("Petra Vossberg -> ~directed_by -> " + film), augmented.text());
            }
            assertTrue(augmented.text().contains("which films did [Petra Vossberg] direct"));
        }
    }

    @Test
    void noEntityNoDocumentsAndBadOptionsFailAtOnce() {
        try (Ariadne ariadne = Ariadne.builder().graph(GRAPH).planner(DIRECTED).build()) {
            assertTrue(AriadneDocumentRetriever.of(ariadne).retrieve(new Query("qwxz vbnm plkj")).isEmpty());
            assertEquals(2, AriadneDocumentRetriever.of(ariadne, 2, 0).retrieve(new Query("which films did [Petra Vossberg] direct")).size());
            assertThrows(InvalidInputException.class, () -> AriadneDocumentRetriever.of(ariadne, 0, 1));
            assertThrows(InvalidInputException.class, () -> AriadneDocumentRetriever.of(ariadne, 1, -1));
        }
    }
}
