package dev.ariadne.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.NoAnswer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.MatchKind;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.ExecutedQuery;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.engine.trace.DiagramRenderer;
import dev.ariadne.engine.trace.TraceHtml;
import dev.ariadne.engine.trace.TraceJson;
import dev.ariadne.engine.trace.TraceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Answers whose entity keys, names and question are random (controls, quotes, markup, lone surrogates) go
 * through every trace renderer: none may throw, the JSON form must read back to the same JSON, the HTML page
 * must not carry a name's markup raw, and (once the CLI's escaping is merged) no terminal output line may
 * hold a raw control character.
 */
class TraceRenderersFuzzTest {
    @Test
    void everyRendererTakesAnyEntityNames() {
        FuzzLoop.run("trace renderers", (r, input) -> {
            Answer a = randomAnswer(r, input);
            TraceText.render(a);
            DiagramRenderer.mermaid(a.trace());
            DiagramRenderer.dot(a.trace());
            String json = TraceJson.write(a);
            assertEquals(json, TraceJson.write(TraceJson.readAnswer(json)), "the JSON form reads back to itself");
            String html = TraceHtml.render(a);
            assertFalse(html.contains("<script>"), "a name's <script> is escaped in the HTML page");
        });
    }

    @Test
    void terminalOutputHasNoRawControlCharacter() {
        FuzzLoop.run("terminal text", (r, input) -> {
            Answer a = randomAnswer(r, input);
            for (String out : List.of(TraceText.render(a), DiagramRenderer.mermaid(a.trace()), DiagramRenderer.dot(a.trace()))) {
                for (String line : out.split("\n", -1)) {
                    assertFalse(TerminalText.hasUnsafe(line), "raw control character in: " + TerminalText.escape(line));
                }
            }
        });
    }

    /** An answer over random entities, with one retrieval, a supporting path per answer and a no-answer half the time. */
    static Answer randomAnswer(Random r, StringBuilder input) {
        Entity topic = entity(r);
        List<Entity> ends = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            ends.add(entity(r));
        }
        String question = RandomText.of(r, 60);
        input.append("question=").append(question).append(" topic=").append(topic).append(" ends=").append(ends);
        RelationPath path = RelationPath.parse(r.nextBoolean() ? "~directed_by" : "written_by,in_language");
        List<ReasoningPath> paths = new ArrayList<>();
        List<ScoredAnswer> answers = new ArrayList<>();
        for (Entity end : ends) {
            List<Entity> nodes = new ArrayList<>();
            nodes.add(topic);
            for (int i = 1; i < path.length(); i++) {
                nodes.add(entity(r));
            }
            nodes.add(end);
            ReasoningPath p = new ReasoningPath(nodes, path);
            paths.add(p);
            answers.add(new ScoredAnswer(end, r.nextDouble(), List.of(p), Set.of(topic)));
        }
        boolean answered = r.nextBoolean();
        Plan plan = new Plan(topic, path, r.nextDouble());
        ExecutedQuery q = new ExecutedQuery("kernel", "expand($entity, $relations)", Map.of("entity", topic.key()));
        TracedRetrieval retrieval = new TracedRetrieval(plan, q, paths, paths.size(), 0, r.nextBoolean(), r.nextInt(5));
        EntityCandidate c = new EntityCandidate(topic, MatchKind.EXACT_NAME, 1.0);
        String mention = RandomText.of(r, 10);
        TopicLink link = new TopicLink(mention, 0, mention.length(), LinkSource.BRACKETED, topic, List.of(c));
        Trace t = new Trace(question, List.of(new MentionCandidates(mention, 0, mention.length(), List.of(c))),
                List.of(link), List.of(retrieval), answered ? answers : List.of(),
                answered ? null : new NoAnswer(NoAnswer.Reason.NO_CONFIDENT_ANSWER, RandomText.of(r, 20)));
        return Answer.of(t, new StageTimings(1, 2, 3, 4, 10));
    }

    private static Entity entity(Random r) {
        String key = RandomText.of(r, 16);
        return new Entity(key.isEmpty() ? "k" : key, RandomText.of(r, 24));
    }
}
