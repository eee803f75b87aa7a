package dev.ariadne.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.NoAnswer;
import dev.ariadne.core.error.AmbiguousEntityException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.ariadne.engine.graph.KnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.models.reasoner.PathReasoner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's own logic on the in-memory quickstart graph, with a fixed-plan planner (so no encoder is
 * needed): conjunction over topics, the no-answer reasons, the plan floor, and builder checks.
 */
class PipelineTest {
    private static final InMemoryKnowledgeGraph GRAPH = InMemoryKnowledgeGraph.of(QuickstartData.load().triples());

    /** Plans {@code path} with probability 1 for every topic. */
    private static Planner fixed(String path) {
        return (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse(path), 1.0));
    }

    private static Ariadne engine(KnowledgeGraph g, Planner planner) {
        return Ariadne.builder().graph(g).planner(planner).reasoner(PathReasoner.builder().build()).build();
    }

    @Test
    void answersReachedFromEveryTopicRankFirstAndSayWhichTopicsReachThem() {
        try (Ariadne a = engine(GRAPH, fixed("~starred_actors"))) {
            Answer ans = a.ask("Which films star both [Ada Brightwater] and [Tomas Greaves]?");
            assertEquals(List.of("Harbour of Lost Umbrellas", "Winter Harbour Blues"), ans.names());
            for (ScoredAnswer s : ans.answers()) {
                assertEquals(Set.of(Entity.named("Ada Brightwater"), Entity.named("Tomas Greaves")), s.supportingTopics());
                assertEquals(2, s.supportingPaths().size());
            }
            assertEquals(2, ans.trace().topics().size());
        }
    }

    /** A planner unsure of every question (as one that cannot read it is), with a readability to explain it. */
    private static Planner unsure(double probability, double readability) {
        return new Planner() {
            @Override
            public List<Plan> plan(dev.ariadne.core.plan.PlanningRequest request, dev.ariadne.core.plan.GraphConstraint c) {
                return List.of(new Plan(request.topic(), RelationPath.parse("directed_by"), probability));
            }

            @Override
            public double readability(dev.ariadne.core.plan.PlanningRequest request) {
                return readability;
            }
        };
    }

    @Test
    void abstainsBelowTheMinimumConfidenceAndSaysWhy() {
        Limits strict = Limits.builder().minConfidence(0.1).build();
        try (Ariadne a = Ariadne.builder().graph(GRAPH).planner(unsure(0.0, 0.0)).limits(strict).build()) {
            Answer ans = a.ask("[Copper Moon] 的导演是谁");
            assertTrue(ans.isEmpty());
            NoAnswer why = ans.noAnswer().orElseThrow();
            assertEquals(NoAnswer.Reason.LOW_CONFIDENCE, why.reason());
            assertTrue(why.detail().contains("directed_by") && why.detail().contains("0%"), why.detail());
            assertTrue(ans.trace().retrievals().isEmpty(), "nothing retrieved");
        }
        // the same plan above the threshold, or with abstention off (the API default), answers
        try (Ariadne a = Ariadne.builder().graph(GRAPH).planner(unsure(0.5, 1.0)).limits(strict).build()) {
            assertTrue(!a.ask("who directed [Copper Moon]").isEmpty());
        }
        try (Ariadne a = engine(GRAPH, unsure(0.0, 0.0))) {
            assertTrue(!a.ask("who directed [Copper Moon]").isEmpty());
        }
        assertThrows(InvalidInputException.class, () -> Limits.builder().minConfidence(1.5));
    }

    @Test
    void noPlanIsANormalAnswerWithAReason() {
        try (Ariadne a = engine(GRAPH, (request, constraint) -> List.of())) {
            Answer ans = a.ask("who directed [Copper Moon]");
            assertTrue(ans.isEmpty());
            assertEquals(NoAnswer.Reason.NO_PLAN, ans.noAnswer().orElseThrow().reason());
            assertTrue(ans.sentence().startsWith("No answer: "));
        }
    }

    @Test
    void noPathsIsANormalAnswerWithAReason() {
        KnowledgeGraph empty = new KnowledgeGraphView(GRAPH) {
            @Override
            public dev.ariadne.core.retrieve.Retriever retriever() {
                return (topic, path, limits) -> new RetrievalResult(topic, path, List.of(), 0, 0, false, null);
            }
        };
        try (Ariadne a = engine(empty, fixed("directed_by"))) {
            Answer ans = a.ask("who directed [Copper Moon]");
            assertEquals(NoAnswer.Reason.NO_PATHS, ans.noAnswer().orElseThrow().reason());
            assertEquals(1, ans.trace().retrievals().size());
        }
    }

    @Test
    void plansUnderTheFloorAreNotRetrievedButEachTopicKeepsItsBest() {
        Planner two = (request, constraint) -> List.of(new Plan(request.topic(), RelationPath.parse("directed_by"), 0.004),
                new Plan(request.topic(), RelationPath.parse("written_by"), 0.003));
        try (Ariadne a = engine(GRAPH, two)) {
            Answer ans = a.ask("who directed [Copper Moon]");
            assertEquals(1, ans.plans().size());
            assertEquals(List.of("Oskar Lindqvist-Bray"), ans.names());
        }
    }

    @Test
    void ambiguousTopicsFailWithTheirCandidates() {
        List<Triple> triples = new ArrayList<>(List.of(new Triple("m1", "directed_by", "p1")));
        InMemoryKnowledgeGraph g = InMemoryKnowledgeGraph.of(triples);
        KnowledgeGraph twins = new KnowledgeGraphView(g) {
            @Override
            public Iterable<Entity> entities() {
                return List.of(new Entity("m1", "Heat"), new Entity("p1", "heat"));
            }
        };
        // a planner that cannot tell them apart (the same plan for both): the question stays ambiguous
        try (Ariadne a = engine(twins, fixed("directed_by"))) {
            AmbiguousEntityException e = assertThrows(AmbiguousEntityException.class, () -> a.ask("who directed HEAT"));
            assertEquals(2, e.candidates().size());
        }
        // a planner whose plans exist only from the film: the film is the topic, and the trace says why
        Planner graphAware = (request, constraint) ->
                constraint.nextRelationTypes(request.topic(), RelationPath.EMPTY).contains(
                        dev.ariadne.core.graph.DirectedRelation.forward("directed_by"))
                        ? List.of(new Plan(request.topic(), RelationPath.parse("directed_by"), 0.9)) : List.of();
        try (Ariadne a = engine(twins, graphAware)) {
            Answer answer = a.ask("who directed HEAT");
            assertEquals(new Entity("m1", "Heat"), answer.trace().topicEntities().get(0));
            assertEquals(dev.ariadne.core.answer.LinkSource.PLANNED, answer.trace().topics().get(0).source());
            assertEquals(2, answer.trace().topics().get(0).candidates().size());
            assertEquals("p1", answer.answers().get(0).entity().key());
        }
    }

    @Test
    void builderRejectsBadChoicesAtOnce() {
        assertThrows(InvalidInputException.class, () -> Ariadne.builder().maxTopics(0));
        assertThrows(InvalidInputException.class, () -> Limits.builder().plansPerQuestion(0));
        assertThrows(InvalidInputException.class, () -> Ariadne.builder().graph(GRAPH).embedded(java.nio.file.Path.of("x")));
        assertThrows(InvalidInputException.class, () -> Ariadne.builder().graph(GRAPH).build());
        assertThrows(InvalidInputException.class, () -> Ariadne.builder().plannerModel(java.nio.file.Path.of("no/such/file")));
        assertThrows(InvalidInputException.class, () -> Ariadne.builder().zeroShot().planner(fixed("directed_by")));
        try (Ariadne a = engine(GRAPH, fixed("directed_by"))) {
            assertThrows(InvalidInputException.class, () -> a.ask(" "));
        }
    }

    /** Delegates everything to another graph; tests override one part. */
    private static class KnowledgeGraphView implements KnowledgeGraph {
        private final KnowledgeGraph inner;

        KnowledgeGraphView(KnowledgeGraph inner) {
            this.inner = inner;
        }

        @Override
        public dev.ariadne.core.plan.GraphConstraint constraint() {
            return inner.constraint();
        }

        @Override
        public dev.ariadne.core.retrieve.Retriever retriever() {
            return inner.retriever();
        }

        @Override
        public java.util.Optional<dev.ariadne.core.link.EntityLookup> lookup() {
            return inner.lookup();
        }

        @Override
        public dev.ariadne.core.schema.GraphSchema schema() {
            return inner.schema();
        }

        @Override
        public Iterable<Entity> entities() {
            return inner.entities();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
        }
    }
}
