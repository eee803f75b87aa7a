package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train} on a file with no usable question fails clearly and leaves the existing planner alone. */
class TrainCommandFaultsTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = AriadneCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void onlyUnreachableQuestionsFailAndKeepThePlannerFile() throws IOException {
        Path kb = Files.writeString(dir.resolve("kb.txt"), "Blue Harbor|directed_by|Ada Quill\nNight Orchard|starred_actors|Tomas Reed\n");
        Path qa = Files.writeString(dir.resolve("qa.txt"), "who directed [Blue Harbor]\tTomas Reed\n");
        String db = dir.resolve("db").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "load", "--db", db, "--progress", "none", kb.toString()), err.toString());
        Path planner = dir.resolve("planner.ariadne");
        byte[] original = Files.readAllBytes(Files.writeString(planner, "an earlier planner"));

        err = new StringWriter();
        int exit = run(new StringWriter(), err, "train", "--db", db, "--out", planner.toString(), qa.toString());
        assertEquals(AriadneCli.EXIT_FAILURE, exit, err.toString());
        assertTrue(err.toString().contains("no usable question (0 could not be linked to the graph, 1 have no answer within 3 hops"
                + " of their topic); first problem: " + qa + " line 1: no answer (Tomas Reed) within 3 hops of topic 'Blue Harbor'"),
                err.toString());
        assertArrayEquals(original, Files.readAllBytes(planner), "the earlier planner file was changed");
    }
}
