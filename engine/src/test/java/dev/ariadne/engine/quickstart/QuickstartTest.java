package dev.ariadne.engine.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.ScoredAnswer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, end to end on the embedded database: load, train, answer. */
class QuickstartTest {
    @TempDir
    Path folder;

    @Test
    void quickstartAnswersEveryDemoQuestionFaithfully() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Quickstart.Result r = Quickstart.run(folder, new java.io.PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8), true), true);
        String out = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(Files.isRegularFile(r.model()), "planner file written");
        assertEquals(r.questions().size(), r.correct(), out);
        for (Answer a : r.answers()) {
            assertFalse(a.isEmpty(), a.question());
            for (ScoredAnswer s : a.answers()) {
                for (ReasoningPath p : s.supportingPaths()) {
                    // faithfulness: every answer is the end of a retrieved path from a linked topic
                    assertEquals(s.entity(), p.end());
                    assertTrue(a.trace().topicEntities().contains(p.start()), p.render());
                }
            }
        }
        assertTrue(out.contains("Where was the director of Copper Moon born?"));
    }
}
