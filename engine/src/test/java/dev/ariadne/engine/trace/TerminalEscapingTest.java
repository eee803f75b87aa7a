package dev.ariadne.engine.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
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
import dev.ariadne.core.text.TerminalText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Entity names from a knowledge-base file holding ESC and BEL: no text output may carry them raw. */
class TerminalEscapingTest {
    private static final Entity HOSTILE_TOPIC = new Entity("k\u001b[2J", "Evil\u001b]0;pwned\u0007 \"Topic\"");
    private static final Entity HOSTILE_ANSWER = new Entity("a\u009b1", "Answer\u202e[x]\nnext <b>");

    private static Trace trace() {
        RelationPath path = RelationPath.parse("directed_by");
        ReasoningPath p = new ReasoningPath(List.of(HOSTILE_TOPIC, HOSTILE_ANSWER), path);
        EntityCandidate c = new EntityCandidate(HOSTILE_TOPIC, MatchKind.EXACT_NAME, 1.0);
        TopicLink topic = new TopicLink(HOSTILE_TOPIC.name(), 4, 30, LinkSource.BRACKETED, HOSTILE_TOPIC, List.of(c));
        TracedRetrieval r = new TracedRetrieval(new Plan(HOSTILE_TOPIC, path, 0.9), null, List.of(p), 1, 0, false, 1);
        return new Trace("who [" + HOSTILE_TOPIC.name() + "]\u0007", List.of(new MentionCandidates(HOSTILE_TOPIC.name(), 4, 30, List.of(c))),
                List.of(topic), List.of(r), List.of(new ScoredAnswer(HOSTILE_ANSWER, 0.9, List.of(p), Set.of(HOSTILE_TOPIC))), null);
    }

    private static void assertTerminalSafe(String out) {
        // newlines between lines are the renderer's own; any other control is a leak
        assertFalse(TerminalText.hasUnsafe(out.replace("\n", "")), TerminalText.escape(out));
    }

    @Test
    void textTraceEscapesControlCharacters() {
        String out = TraceText.render(TraceFixtures.answer(trace()));
        assertTerminalSafe(out);
        assertTrue(out.contains("Evil\\u001b]0;pwned\\u0007"), out);
        assertTrue(out.contains("Answer\\u202e[x]\\u000anext"), out);
    }

    @Test
    void mermaidEscapesControlsAndKeepsItsSyntaxEscaping() {
        String out = DiagramRenderer.mermaid(trace());
        assertTerminalSafe(out);
        assertTrue(out.contains("Evil\\u001b]0;pwned\\u0007 #quot;Topic#quot;"), out);
        assertTrue(out.contains("Answer\\u202e[x]\\u000anext #lt;b#gt;"), out);
    }

    @Test
    void dotEscapesControlsAndKeepsItsSyntaxEscaping() {
        String out = DiagramRenderer.dot(trace());
        assertTerminalSafe(out);
        // the backslash of the \\u escape is itself escaped for DOT, so Graphviz shows it as text
        assertTrue(out.contains("Evil\\\\u001b]0;pwned\\\\u0007 \\\"Topic\\\""), out);
    }
}
