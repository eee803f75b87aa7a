package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} on a file with no usable question fails clearly and leaves the existing planner alone. */
class TrainCommandFaultsTest {
    @TempDir
    Path dir;

    @Test
    void onlyUnreachableQuestionsFailAndKeepThePlannerFile() throws IOException {
        Path kb = Files.writeString(dir.resolve("kb.txt"), "Blue Harbor|directed_by|Ada Quill\nNight Orchard|starred_actors|Tomas Reed\n");
        Path qa = Files.writeString(dir.resolve("qa.txt"), "who directed [Blue Harbor]\tTomas Reed\n");
        String db = dir.resolve("db").toString();
        CliRun load = CliRun.of("load", "--db", db, "--progress", "none", kb.toString());
        assertEquals(0, load.exit(), load.err());
        Path planner = dir.resolve("planner.ariadne");
        byte[] original = Files.readAllBytes(Files.writeString(planner, "an earlier planner"));

        CliRun train = CliRun.of("train", "--db", db, "--out", planner.toString(), qa.toString());
        assertEquals(AriadneCli.EXIT_FAILURE, train.exit(), train.err());
        assertTrue(train.err().contains("no usable question (0 could not be linked to the graph, 1 have no answer within 3 hops"
                + " of their topic); first problem: " + qa + " line 1: no answer (Tomas Reed) within 3 hops of topic 'Blue Harbor'"),
                train.err());
        assertArrayEquals(original, Files.readAllBytes(planner), "the earlier planner file was changed");
    }
}
