package dev.ariadne.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void traceRoundTripsExactly() {
        for (Trace t : List.of(TraceFixtures.answered(), TraceFixtures.unanswered())) {
            String json = TraceJson.write(t);
            assertEquals(t, TraceJson.readTrace(json));
            assertEquals(json, TraceJson.write(TraceJson.readTrace(json)), "stable output");
        }
    }

    @Test
    void untrainedRelationsAreWrittenReadBackAndShownInTheText() {
        Trace t = TraceFixtures.answered();
        dev.ariadne.core.answer.TracedRetrieval r = t.retrievals().get(0);
        dev.ariadne.core.plan.Plan p = r.plan();
        dev.ariadne.core.plan.Plan untrained = new dev.ariadne.core.plan.Plan(p.topic(), p.path(), p.probability(),
                java.util.Set.of(p.path().last().type()));
        List<dev.ariadne.core.answer.TracedRetrieval> rs = new ArrayList<>(t.retrievals());
        rs.set(0, new dev.ariadne.core.answer.TracedRetrieval(untrained, r.query(), r.paths(), r.pathsFound(), r.frontierCut(),
                r.truncated(), r.millis()));
        Trace marked = new Trace(t.question(), t.mentions(), t.topics(), rs, t.answers(), t.noAnswer());
        String json = TraceJson.write(marked);
        assertEquals(marked, TraceJson.readTrace(json));
        assertTrue(json.contains("\"untrainedRelations\" : [ \"" + p.path().last().type() + "\" ]"), json);
        String text = TraceText.render(TraceFixtures.answer(marked));
        assertTrue(text.contains("untrained: the planner's training never met [" + p.path().last().type() + "]"), text);
        // a trace written before the field existed reads as "none untrained"
        String old = TraceJson.write(t).replace("\"untrainedRelations\" : [ ],", "");
        assertEquals(t, TraceJson.readTrace(old));
    }

    @Test
    void answerRoundTripsWithTimings() {
        Answer a = TraceFixtures.answer(TraceFixtures.answered());
        Answer back = TraceJson.readAnswer(TraceJson.write(a));
        assertEquals(a, back);
    }

    @Test
    void jsonHasTheDocumentedTopLevelFieldsInOrder() throws Exception {
        JsonNode root = mapper.readTree(TraceJson.write(TraceFixtures.answered()));
        assertEquals(List.of("schemaVersion", "question", "mentions", "topics", "plans", "answers", "noAnswer"), names(root));
        assertEquals(Trace.SCHEMA_VERSION, root.get("schemaVersion").asText());
        JsonNode plan = root.get("plans").get(0);
        assertEquals(List.of("topic", "path", "probability", "untrainedRelations", "query", "pathsFound", "pathsReturned", "frontierCut",
                "truncated", "millis", "paths"), names(plan));
        assertEquals("~directed_by,in_language", plan.get("path").asText());
        assertEquals("Petra Vossberg -> ~directed_by -> The Glass Orchard -> in_language -> Norvanese",
                plan.get("paths").get(0).get("text").asText());
        assertEquals(List.of("entity", "score", "supportingTopics", "supportingPaths"), names(root.get("answers").get(0)));
        assertTrue(root.get("noAnswer").isNull());
        JsonNode truncated = root.get("plans").get(1);
        assertTrue(truncated.get("truncated").asBoolean());
        assertEquals(120, truncated.get("pathsFound").asLong());
        assertTrue(truncated.get("query").isNull());
    }

    @Test
    void answerJsonLeadsWithTheReply() throws Exception {
        JsonNode root = mapper.readTree(TraceJson.write(TraceFixtures.answer(TraceFixtures.unanswered())));
        assertEquals(List.of("schemaVersion", "question", "answer", "answers", "timings", "trace"), names(root));
        assertTrue(root.get("answer").asText().startsWith("No answer"));
        assertEquals("NO_PATHS", root.get("trace").get("noAnswer").get("reason").asText());
    }

    @Test
    void otherMajorVersionsAndGarbageAreRejected() {
        String json = TraceJson.write(TraceFixtures.answered()).replace("\"schemaVersion\" : \"1.0\"", "\"schemaVersion\" : \"2.0\"");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TraceJson.readTrace(json));
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> TraceJson.readTrace("{not json"));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
