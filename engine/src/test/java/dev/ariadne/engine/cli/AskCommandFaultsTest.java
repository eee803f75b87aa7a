package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.text.TerminalText;
import dev.ariadne.models.planner.PlannerManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad options and inputs are rejected before any database starts: range errors name the option and exit
 * 2, empty questions and missing files leave no database folder behind, and messages echo no raw control
 * characters.
 */
class AskCommandFaultsTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private void assertUsageError(String expected, String... args) {
        CliRun r = run(args);
        assertEquals(AriadneCli.EXIT_USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("ariadne: " + expected), r.err());
        assertFalse(Files.exists(dir.resolve("db")), "a database folder was created");
    }

    @Test
    void askRangeErrorsNameTheOptionAndExitTwo() {
        String db = dir.resolve("db").toString();
        assertUsageError("--hops must be in 1..6: 0", "ask", "--db", db, "--zero-shot", "--hops", "0", "q");
        assertUsageError("--hops must be in 1..6: 7", "ask", "--db", db, "--zero-shot", "--hops", "7", "q");
        assertUsageError("--timeout must be >= 1: 0", "ask", "--db", db, "--zero-shot", "--timeout", "0", "q");
        assertUsageError("--paths must be >= 1: 0", "ask", "--db", db, "--zero-shot", "--paths", "0", "q");
        assertUsageError("--plans must be in 1..100: -1", "ask", "--db", db, "--zero-shot", "--plans", "-1", "q");
        assertUsageError("--max-topics must be >= 1: 0", "ask", "--db", db, "--zero-shot", "--max-topics", "0", "q");
    }

    @Test
    void trainRangeErrorsNameTheOptionAndExitTwo() throws IOException {
        String db = dir.resolve("db").toString();
        String qa = Files.writeString(dir.resolve("qa.txt"), "who directed [X]\tY\n").toString();
        assertUsageError("--epochs must be >= 1: 0", "train", "--db", db, "--epochs", "0", qa);
        assertUsageError("--hops must be in 1..8: 9", "train", "--db", db, "--hops", "9", qa);
        assertUsageError("--validation must be in [0.0, 0.5]: 0.9", "train", "--db", db, "--validation", "0.9", qa);
        assertUsageError("--validation must be in [0.0, 0.5]: NaN", "train", "--db", db, "--validation", "NaN", qa);
    }

    @Test
    void anEmptyQuestionIsRejectedBeforeTheDatabaseStarts() {
        String db = dir.resolve("db").toString();
        assertUsageError("the question is empty", "ask", "--db", db, "--zero-shot", "");
        assertUsageError("the question is empty", "ask", "--db", db, "--zero-shot", "   ");
        assertUsageError("a --topic is empty", "ask", "--db", db, "--zero-shot", "--topic", " ", "who?");
    }

    @Test
    void missingInputFilesAreRejectedBeforeTheDatabaseStarts() throws IOException {
        String db = dir.resolve("db").toString();
        Path missing = dir.resolve("no-such-questions.txt");
        assertUsageError("QA_FILE " + missing + " does not exist", "train", "--db", db, missing.toString());
        assertUsageError("QA_FILE " + dir + " is not a file", "train", "--db", db, dir.toString());
        Path aFile = Files.writeString(dir.resolve("plain.txt"), "x");
        assertUsageError("--html " + aFile.resolve("page.html") + ": cannot create its folder, " + aFile + " is not a folder",
                "ask", "--db", db, "--zero-shot", "--html", aFile.resolve("page.html").toString(), "who?");
    }

    @Test
    void aMissingDatabaseIsAFailureThatCreatesNoFolder() {
        Path db = dir.resolve("db");
        for (String[] args : new String[][] {
            {"ask", "--db", db.toString(), "--zero-shot", "who directed Heat?"},
            {"ask", "--db", db.toString(), "--model", dir.resolve("none.ariadne").toString(), "who directed Heat?"},
            {"stats", "--db", db.toString()}}) {
            CliRun r = run(args);
            assertEquals(AriadneCli.EXIT_FAILURE, r.exit(), r.err());
            assertTrue(r.err().startsWith("ariadne: no "), r.err());
            assertFalse(Files.exists(db), "a database folder was created by " + String.join(" ", args));
        }
    }

    @Test
    void errorMessagesEchoNoRawControlCharacters() {
        CliRun usage = run("ask", "--hops", "\u001b[31m", "q");
        assertEquals(AriadneCli.EXIT_USAGE, usage.exit(), usage.err());
        assertFalse(TerminalText.hasUnsafe(usage.err().strip()), TerminalText.escape(usage.err()));
        assertTrue(usage.err().contains("\\u001b[31m"), usage.err());

        Path hostile = dir.resolve("qa\u0007.txt");
        CliRun failure = run("train", "--db", dir.resolve("db").toString(), hostile.toString());
        assertFalse(TerminalText.hasUnsafe(failure.err().strip()), TerminalText.escape(failure.err()));
        assertTrue(failure.err().contains("qa\\u0007.txt"), failure.err());
    }

    @Test
    void noHeldOutQuestionsReadsNotApplicableRatherThanNaN() {
        assertEquals("; held-out path accuracy n/a (0 held-out questions)",
                TrainCommand.heldOut(new PlannerManifest.ValidationMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
        assertEquals("; held-out path accuracy 75.00% (4 questions)",
                TrainCommand.heldOut(new PlannerManifest.ValidationMetrics(4, 0.75, 1, 0.5, 0.3)));
    }
}
