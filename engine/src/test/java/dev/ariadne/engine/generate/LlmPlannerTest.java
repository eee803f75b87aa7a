package dev.ariadne.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanProposal;
import dev.ariadne.core.plan.PlanRepair;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.engine.trace.TraceJson;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The LLM planner's graph-constrained repair on the quickstart graph: 1,000 seeded proposals (valid
 * paths, wrong directions, misspelt and invented relations, too many hops, text that is no path), sent as
 * model replies of 5 paths each; every plan that comes out is checked by retrieving it. Replay with the seed.
 */
class LlmPlannerTest {
    private static final InMemoryKnowledgeGraph GRAPH = InMemoryKnowledgeGraph.of(QuickstartData.load().triples());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 7;
    private static final int MAX_HOPS = 3;

    enum Kind { VALID, WRONG_DIRECTION, MISSPELT, INVENTED, TOO_MANY_HOPS, NOT_A_PATH }

    record Case(Entity topic, RelationPath valid, String proposed, Kind kind) {
    }

    /** A chat model in-process that replies with the queued texts, in order. */
    static final class Scripted implements ChatModel {
        final Deque<String> replies = new ArrayDeque<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from(replies.poll())).build();
        }
    }

    private static RelationPath randomValidPath(Entity topic, int hops, Random rnd) {
        RelationPath p = RelationPath.EMPTY;
        for (int i = 0; i < hops; i++) {
            List<DirectedRelation> next = GRAPH.constraint().nextRelationTypes(topic, p);
            if (next.isEmpty()) {
                break;
            }
            p = p.append(next.get(rnd.nextInt(next.size())));
        }
        return p;
    }

    private static Case randomCase(List<Entity> entities, Random rnd) {
        Kind k0 = Kind.values()[rnd.nextInt(Kind.values().length)];
        Kind kind = k0;
        Entity topic = entities.get(rnd.nextInt(entities.size()));
        RelationPath valid = randomValidPath(topic, kind == Kind.TOO_MANY_HOPS ? MAX_HOPS : 1 + rnd.nextInt(MAX_HOPS), rnd);
        if (valid.isEmpty()) {
            return randomCase(entities, rnd);
        }
        if (kind == Kind.TOO_MANY_HOPS && valid.length() < MAX_HOPS) {
            // the walk hit a dead end before the limit: hops past it would be invalid, not "too many"
            kind = Kind.WRONG_DIRECTION;
        }
        List<DirectedRelation> hops = new ArrayList<>(valid.hops());
        int at = rnd.nextInt(hops.size());
        String proposed = switch (kind) {
            case VALID -> valid.format();
            case WRONG_DIRECTION -> {
                hops.set(at, hops.get(at).reverse());
                yield new RelationPath(hops).formatArrows();
            }
            case MISSPELT -> {
                DirectedRelation h = hops.get(at);
                String t = h.type();
                int cut = 1 + rnd.nextInt(t.length() - 1);
                String typo = rnd.nextBoolean() ? t.substring(0, cut) + t.substring(cut + 1 > t.length() ? cut : cut + 1)
                        : t.replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
                hops.set(at, new DirectedRelation(typo.strip().isEmpty() ? t : typo.strip(), h.direction()));
                yield new RelationPath(hops).format();
            }
            case INVENTED -> {
                hops.set(at, DirectedRelation.forward("film.invented_relation_" + rnd.nextInt(1000)));
                yield new RelationPath(hops).format();
            }
            case TOO_MANY_HOPS -> {
                hops.add(DirectedRelation.forward("extra_hop_" + rnd.nextInt(10)));
                if (rnd.nextBoolean()) {
                    hops.add(hops.get(0));
                }
                yield new RelationPath(hops).format();
            }
            case NOT_A_PATH -> rnd.nextBoolean() ? "directed_by,,in_language" : "the films' languages";
        };
        return new Case(topic, valid, proposed, kind);
    }

    private static boolean retrievable(Entity topic, RelationPath path) {
        return GRAPH.retriever().retrieve(topic, path, new RetrievalLimits(10, 10_000, Duration.ofSeconds(5), false)).pathsFound() > 0;
    }

    @Test
    void aThousandScriptedProposalsEndAsValidPlansOrAreDropped() throws Exception {
        Random rnd = new Random(SEED);
        List<Entity> entities = new ArrayList<>();
        GRAPH.entities().forEach(entities::add);
        entities.sort(null);
        Scripted model = new Scripted();
        LlmPlanner planner = LlmPlanner.builder(model).maxRetries(0).build();
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class);   // [proposals, run as valid, repaired, dropped]
        int plansRun = 0;
        int invalid = 0;
        for (int request = 0; request < 200; request++) {
            Entity topic = entities.get(rnd.nextInt(entities.size()));
            List<Case> cases = new ArrayList<>();
            while (cases.size() < 5) {
                Case c = randomCase(List.of(topic), rnd);
                cases.add(c);
            }
            model.replies.add("```json\n" + JSON.writeValueAsString(Map.of("paths", cases.stream().map(Case::proposed).toList())) + "\n```");
            LlmPlanner.Proposals p = planner.propose(new PlanningRequest("a question about [" + topic.name() + "]", topic,
                    topic.name(), 5, MAX_HOPS), GRAPH.constraint());
            assertEquals(5, p.outcomes().size());
            for (int i = 0; i < 5; i++) {
                Case c = cases.get(i);
                PlanRepair.Outcome o = p.outcomes().get(i);
                int[] n = counts.computeIfAbsent(c.kind(), k -> new int[4]);
                n[0]++;
                n[o.proposal().action() == PlanProposal.Action.VALID ? 1 : o.proposal().action() == PlanProposal.Action.REPAIRED ? 2 : 3]++;
                assertEquals(c.proposed(), o.proposal().proposed());
                switch (c.kind()) {
                    case VALID -> assertEquals(c.valid(), o.path(), c.toString());
                    case WRONG_DIRECTION -> assertNotNull(o.path(), c + " " + o.proposal());
                    case INVENTED, NOT_A_PATH -> assertNull(o.path(), c + " " + o.proposal());
                    case TOO_MANY_HOPS -> assertEquals(c.valid(), o.path(), c + " " + o.proposal());
                    case MISSPELT -> {
                        // a typo is repaired (usually to the relation meant) or, when it is too far from every
                        // relation present, dropped: either way never run as written
                        if (o.path() != null) {
                            assertEquals(PlanProposal.Action.REPAIRED, o.proposal().action(), o.proposal().toString());
                        }
                    }
                }
            }
            for (Plan plan : p.plans()) {
                plansRun++;
                assertTrue(plan.path().length() <= MAX_HOPS);
                assertNotNull(plan.proposal());
                if (!retrievable(plan.topic(), plan.path())) {
                    invalid++;
                }
            }
        }
        int total = counts.values().stream().mapToInt(n -> n[0]).sum();
        assertEquals(1000, total);
        assertEquals(0, invalid, "plans that retrieve nothing");
        assertTrue(plansRun > 300, "plans run: " + plansRun);
        // every kind was exercised, and misspellings were mostly repaired rather than dropped
        for (Kind k : Kind.values()) {
            assertTrue(counts.get(k)[0] > 100, k + ": " + counts.get(k)[0]);
        }
        assertTrue(counts.get(Kind.MISSPELT)[2] > counts.get(Kind.MISSPELT)[0] * 0.8, "misspelt repaired: " + counts.get(Kind.MISSPELT)[2]);
        StringBuilder sb = new StringBuilder("kind: proposals / valid / repaired / dropped\n");
        counts.forEach((k, n) -> sb.append(k).append(": ").append(n[0]).append(" / ").append(n[1]).append(" / ").append(n[2]).append(" / ").append(n[3]).append('\n'));
        System.out.print(sb.append("plans run: ").append(plansRun).append(", invalid: ").append(invalid).append('\n'));
    }

    @Test
    void aWrongDirectionIsRepairedEndToEndAndTheTraceShowsTheProposal() throws Exception {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(ScriptedOpenAiServer.Reply.completion(
                "{\"paths\": [\"directed_by\", \"film.directed_films\"]}"));
             Ariadne ariadne = Ariadne.builder().graph(GRAPH)
                     .planner(LlmPlanner.builder(GeneratingReasonerTest.openAi(server, Duration.ofSeconds(5))).build()).build()) {
            Answer a = ariadne.ask("which films did [Petra Vossberg] direct");
            assertEquals(Set.of("The Glass Orchard", "The Cartographer's Daughter", "Fathom Street",
                    "The Long Afternoon of Elsa Brandt", "Half a Kingdom of Rain"), Set.copyOf(a.names()));
            assertEquals(1, a.plans().size());
            Plan plan = a.plans().get(0);
            assertEquals("~directed_by", plan.path().format());
            assertEquals(new PlanProposal("directed_by", PlanProposal.Action.REPAIRED, "hop 1: ~directed_by for directed_by (wrong direction)"),
                    plan.proposal());
            String json = TraceJson.write(a);
            assertTrue(json.contains("\"proposed\" : \"directed_by\""), json);
            assertEquals(a.trace(), TraceJson.readAnswer(json).trace());
            // the proposal the graph check could not repair is in the trace too, with why nothing ran for it
            assertEquals(1, a.trace().droppedProposals().size(), "" + a.trace().droppedProposals());
            dev.ariadne.core.plan.DroppedProposal dropped = a.trace().droppedProposals().get(0);
            assertEquals("film.directed_films", dropped.proposed());
            assertEquals("Petra Vossberg", dropped.topic().name());
            assertTrue(!dropped.reason().isBlank());
            assertTrue(json.contains("\"droppedProposals\" : [ {"), json);
            String text = dev.ariadne.engine.trace.TraceText.render(a);
            assertTrue(text.contains("Dropped proposals (nothing run):\n  film.directed_films  from Petra Vossberg: "), text);
            assertTrue(text.contains("proposed by the model: directed_by (REPAIRED: hop 1: ~directed_by for directed_by (wrong direction))"), text);
            String prompt = server.prompts().get(0);
            assertTrue(prompt.startsWith("Please generate valid relation paths that can be helpful for answering the following question: "
                    + "which films did [Petra Vossberg] direct"), prompt);
            assertTrue(prompt.contains("~directed_by"), "the prompt lists the topic's relations: " + prompt);
        }
    }

    @Test
    void similarityIgnoresCaseAndSeparators() {
        assertEquals(1.0, PlanRepair.similarity("DIRECTED BY", "directed_by"));
        assertTrue(PlanRepair.similarity("film.invented_relation_3", "directed_by") < PlanRepair.MIN_SIMILARITY);
    }
}
