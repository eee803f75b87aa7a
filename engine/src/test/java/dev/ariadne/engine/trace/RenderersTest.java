package dev.ariadne.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Trace;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private final Trace trace = TraceFixtures.answered();

    @Test
    void textShowsPathsAsRogPrintsThemAndTheTruncation() {
        String text = TraceText.render(TraceFixtures.answer(trace));
        assertTrue(text.startsWith("Answer: Norvanese and Quote"), text);
        assertTrue(text.contains("Petra Vossberg -> ~directed_by -> The Glass Orchard -> in_language -> Norvanese"), text);
        assertTrue(text.contains("~directed_by -> in_language  p=0.900"), text);
        assertTrue(text.contains("showing 1 of 120+ paths"), text);
        assertTrue(text.contains("CALL ariadne.expand"), text);
        assertTrue(text.contains("supported by Petra Vossberg"), text);
    }

    @Test
    void textExplainsNoAnswer() {
        String text = TraceText.render(TraceFixtures.answer(TraceFixtures.unanswered()));
        assertTrue(text.contains("No answer: NO_PATHS"), text);
    }

    @Test
    void mermaidDrawsStoredDirectionsAndEscapesLabels() {
        String m = DiagramRenderer.mermaid(trace);
        assertTrue(m.startsWith("flowchart LR\n"));
        // ~directed_by: the stored relationship points from the film to the director
        assertTrue(m.contains("n1 -->|\"directed_by\"| n0"), m);
        assertTrue(m.contains("n0([\"Petra Vossberg\"]):::topic"), m);
        assertTrue(m.contains("[[\"Norvanese\"]]:::answer"), m);
        assertTrue(m.contains("#quot;and#quot; #lt;angle#gt; & #35; back\\slash"), m);
        assertEquals(5, m.lines().filter(l -> l.contains("-->")).count(), "each distinct relationship once: " + m);
    }

    @Test
    void dotIsWellFormedAndEscaped() {
        String d = DiagramRenderer.dot(trace);
        assertTrue(d.startsWith("digraph ariadne {"));
        assertTrue(d.strip().endsWith("}"));
        assertTrue(d.contains("label=\"Quote \\\"and\\\" <angle> & # back\\\\slash\""), d);
        assertEquals(5, d.lines().filter(l -> l.contains(" -> ")).count(), d);
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        String html = TraceHtml.render(TraceFixtures.answer(trace));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("flowchart LR"));
        assertTrue(html.contains("Quote &quot;and&quot; &lt;angle&gt; &amp; # back\\slash"));
        assertFalse(html.contains("<angle>"), "user text must be escaped");
        // nothing is loaded from elsewhere: no external scripts, stylesheets, images or fonts
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(html).find());
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("@import"));
    }

    @Test
    void htmlOfNoAnswerSaysWhy() {
        String html = TraceHtml.render(TraceFixtures.answer(TraceFixtures.unanswered()));
        assertTrue(html.contains("No answer (NO_PATHS)"));
        assertFalse(html.contains("<svg"));
    }
}
