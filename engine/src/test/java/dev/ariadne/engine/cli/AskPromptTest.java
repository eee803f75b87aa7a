package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ariadne ask} with no question: a prompt answering many questions in one engine, with history. */
class AskPromptTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        AskCommand.interactive = () -> System.console() != null;
        AskCommand.input = () -> new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
    }

    private String loadedDb() throws IOException {
        Path kb = Files.writeString(dir.resolve("kb.txt"), "Blue Harbor|directed_by|Ada Quill\nNight Orchard|directed_by|Tomas Reed\n");
        String db = dir.resolve("db").toString();
        CliRun load = CliRun.of("load", "--db", db, "--progress", "none", kb.toString());
        assertEquals(0, load.exit(), load.err());
        return db;
    }

    @Test
    void answersEachLineRecallsHistoryAndSurvivesAFailingQuestion() throws IOException {
        String db = loadedDb();
        AskCommand.interactive = () -> true;
        AskCommand.input = () -> new BufferedReader(new StringReader(
                "who directed [Blue Harbor]\nwho directed [Nowhere Land]\nhistory\n!1\n!9\nwho directed [Night Orchard]\nexit\n"
                        + "who directed [Blue Harbor]\n"));
        CliRun run = CliRun.of("ask", "--db", db, "--zero-shot");
        assertEquals(0, run.exit(), run.err());
        assertEquals(2, count(run.out(), "Answer: Ada Quill"), "the first question and its recall: " + run.out());
        assertEquals(1, count(run.out(), "Answer: Tomas Reed"), run.out());
        assertTrue(run.out().contains("   1  who directed [Blue Harbor]\n   2  who directed [Nowhere Land]\n"), run.out());
        assertTrue(run.err().contains("Nowhere Land"), "the failing question says why: " + run.err());
        assertTrue(run.err().contains("no question !9 in this session's history (3 so far)"), run.err());
        assertEquals(7, count(run.out(), "ariadne> "), "nothing after 'exit' is read: " + run.out());
    }

    @Test
    void withoutATerminalAQuestionIsRequired() throws IOException {
        String db = loadedDb();
        AskCommand.interactive = () -> false;
        CliRun run = CliRun.of("ask", "--db", db, "--zero-shot");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Missing required parameter: 'QUESTION' (the prompt needs a terminal"), run.err());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
