package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.KnowledgeBaseReader;
import dev.ariadne.benchmarks.dataset.MetaQaDataset;
import dev.ariadne.benchmarks.dataset.SplitName;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.generate.GenerationStatus;
import dev.ariadne.core.generate.UngroundedEntity;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.generate.GeneratingReasoner;
import dev.ariadne.engine.graph.InMemoryKnowledgeGraph;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grounding check on 1,000 MetaQA dev-holdout questions (Zhang et al., AAAI 2018, CC BY 3.0), drawn
 * with a fixed seed over 1-, 2- and 3-hop. Each question is planned with its gold relation path and
 * answered by the path reasoner; a scripted "model" then replies with exactly those answers, and for 200
 * questions (20%) adds one invented entity: half a name that is in no KB, half a real KB entity that is on
 * none of that question's retrieved paths. Shown: every invented entity is flagged ungrounded and
 * answered by no question, and no path answer is lost. Skipped without ../shared/datasets/metaqa.
 */
class MetaQaGroundingTest {
    private static final long SEED = 20_260_312L;
    private static final int QUESTIONS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Replies with the scripted text for the question found in the prompt. */
    private static final class ScriptedModel implements ChatModel {
        final Map<String, String> replies = new HashMap<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            String prompt = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
            int q = prompt.indexOf("Question:\n") + "Question:\n".length();
            String question = prompt.substring(q, prompt.indexOf("\n\nReply with JSON", q));
            String reply = replies.get(question);
            if (reply == null) {
                throw new IllegalStateException("no scripted reply for " + question);
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
        }
    }

    @Test
    void everyInventedEntityIsFlaggedAndNoRealAnswerIsLost() throws Exception {
        Path data = MetaQaAccuracyIT.metaQa();
        assumeTrue(Files.isRegularFile(data.resolve("kb.txt")), "skipped: ../shared/datasets/metaqa not found (MetaQA KB + dev questions)");
        List<KgqaExample> all = new ArrayList<>(new MetaQaDataset(data).read(SplitName.of(SplitName.DEV_HOLDOUT), List.of(1, 2, 3)));
        all.removeIf(e -> e.goldPath().isEmpty() || e.topics().size() != 1);
        Collections.shuffle(all, new Random(SEED));
        List<KgqaExample> sample = all.subList(0, QUESTIONS);
        Map<String, KgqaExample> byQuestion = new HashMap<>();
        for (KgqaExample e : sample) {
            byQuestion.put(e.question(), e);
        }
        Planner gold = (request, constraint) -> List.of(new Plan(request.topic(), byQuestion.get(request.question()).goldPath().orElseThrow(), 1.0));
        InMemoryKnowledgeGraph graph = InMemoryKnowledgeGraph.of(KnowledgeBaseReader.metaQa(data.resolve("kb.txt")));
        List<Entity> entities = new ArrayList<>();
        graph.entities().forEach(entities::add);
        entities.sort(null);

        // 1. the path reasoner's answers, and each question's path entities
        Map<String, List<String>> pathAnswers = new LinkedHashMap<>();
        Map<String, Set<Entity>> onPaths = new HashMap<>();
        try (Ariadne plain = Ariadne.builder().graph(graph).planner(gold).build()) {
            for (KgqaExample e : sample) {
                Answer a = plain.ask(e.question(), e.topics());
                pathAnswers.put(e.question(), a.names());
                Set<Entity> seen = new HashSet<>();
                for (TracedRetrieval r : a.trace().retrievals()) {
                    for (ReasoningPath p : r.paths()) {
                        seen.addAll(p.entities());
                    }
                }
                onPaths.put(e.question(), seen);
            }
        }

        // 2. the scripted replies: the path answers, plus one invented entity for 20% of the questions
        Random rnd = new Random(SEED + 1);
        List<String> questions = new ArrayList<>(pathAnswers.keySet());
        Set<String> withInvention = new HashSet<>(questions.subList(0, 0));
        List<String> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, rnd);
        withInvention.addAll(shuffled.subList(0, QUESTIONS / 5));
        Map<String, String> invented = new HashMap<>();
        ScriptedModel model = new ScriptedModel();
        int k = 0;
        for (String q : questions) {
            List<String> names = new ArrayList<>(pathAnswers.get(q));
            if (withInvention.contains(q)) {
                String made;
                if (k++ % 2 == 0) {
                    made = "Invented Entity " + k + " (in no KB)";
                } else {
                    Entity real;
                    do {
                        real = entities.get(rnd.nextInt(entities.size()));
                    } while (onPaths.get(q).contains(real));
                    made = real.name();
                }
                invented.put(q, made);
                names.add(rnd.nextInt(names.size() + 1), made);
            }
            model.replies.put(q, JSON.writeValueAsString(Map.of("answer", "The answers are " + String.join(", ", names) + ".",
                    "entities", names)));
        }

        // 3. the same questions with generation on
        int flagged = 0;
        int lost = 0;
        int grounded = 0;
        int fallback = 0;
        int realAnswers = 0;
        GeneratingReasoner generator = GeneratingReasoner.builder(model).modelName("scripted").maxRetries(0).build();
        try (Ariadne generating = Ariadne.builder().graph(graph).planner(gold).generator(generator).build()) {
            for (KgqaExample e : sample) {
                Answer a = generating.ask(e.question(), e.topics());
                Generation g = a.trace().generationRecord().orElseThrow();
                List<String> expected = pathAnswers.get(e.question());
                realAnswers += expected.size();
                Set<String> got = new HashSet<>(a.names());
                for (String name : expected) {
                    if (!got.contains(name)) {
                        lost++;
                    }
                }
                String made = invented.get(e.question());
                if (made != null) {
                    assertFalse(got.contains(made), "an invented entity was answered: " + made);
                    if (g.ungrounded().contains(new UngroundedEntity(made))) {
                        flagged++;
                    }
                }
                assertEquals(made == null ? List.of() : List.of(new UngroundedEntity(made)), g.ungrounded(), e.question());
                if (g.status() == GenerationStatus.GROUNDED) {
                    grounded++;
                } else {
                    fallback++;
                }
            }
        }
        System.out.printf("MetaQA dev-holdout grounding: %d questions, %d real answers, %d invented entities, %d flagged, "
                + "%d real answers lost; %d grounded, %d fallback (no path answer)%n", QUESTIONS, realAnswers, invented.size(),
                flagged, lost, grounded, fallback);
        assertEquals(QUESTIONS / 5, invented.size());
        assertEquals(invented.size(), flagged, "every invented entity is flagged ungrounded");
        assertEquals(0, lost, "real answers lost");
    }
}
