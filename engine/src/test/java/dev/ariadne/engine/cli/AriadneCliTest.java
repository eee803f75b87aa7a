package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI in-process, as a user would from the launcher. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AriadneCliTest {
    private Path dir;
    private Path kb;
    private Path malformed;


    @BeforeAll
    void files(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        kb = Files.writeString(dir.resolve("films.txt"), String.join("\n",
                "Blue Harbor|directed_by|Ada Quill",
                "Blue Harbor|written_by|Ada Quill",
                "Night Orchard|directed_by|Ada Quill",
                "Night Orchard|starred_actors|Tomas Reed",
                "Blue Harbor|directed_by|Ada Quill", ""));
        malformed = Files.writeString(dir.resolve("bad.txt"), String.join("\n",
                "Blue Harbor|directed_by|Ada Quill",
                "Blue Harbor|written_by",
                "Night Orchard|~bad|Ada Quill",
                "Night Orchard|starred_actors|Tomas Reed", ""));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void loadThenStats() {
        String db = dir.resolve("db1").toString();
        CliRun load = run("load", "--db", db, "--progress", "none", kb.toString());
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.out().contains("triples loaded:   4"), load.out());
        assertTrue(load.out().contains("duplicates:       1"), load.out());
        assertTrue(load.out().contains("graph now:        4 entities, 4 relationships, 3 relation types"), load.out());
        assertEquals("", load.err());

        CliRun again = run("load", "--db", db, "--progress", "none", "--format", "metaqa", kb.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("triples loaded:   0"), again.out());

        CliRun stats = run("stats", "--db", db);
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("entities:       4"), stats.out());
        assertTrue(stats.out().contains("relationships:  4"), stats.out());
        assertTrue(stats.out().contains("relation types: 3"), stats.out());
        assertTrue(stats.out().matches("(?s).*directed_by\\s+2\\n.*"), stats.out());
        assertTrue(stats.out().contains("~directed_by -> "), stats.out());
        assertFalse(run("stats", "--db", db, "--no-adjacency").out().contains("adjacency"));
    }

    @Test
    void malformedLinesArePrintedWithTheirNumbers() {
        CliRun load = run("load", "--db", dir.resolve("db2").toString(), "--progress", "none", malformed.toString());
        assertEquals(0, load.exit(), load.err());
        assertEquals("ariadne: skipped " + malformed + ":2: expected 3 fields (subject|relation|object), found 2\n"
                + "ariadne: skipped " + malformed + ":3: invalid relation type '~bad': type starts with '~'"
                + " (the inverse mark goes once, before the type)\n", load.err());
        assertTrue(load.out().contains("rejected lines:   2"), load.out());
        assertTrue(load.out().contains("triples loaded:   2"), load.out());
    }

    @Test
    void tooManyErrorsFailWithOneLine() {
        CliRun load = run("load", "--db", dir.resolve("db3").toString(), "--progress", "none", "--max-errors", "0",
                malformed.toString());
        assertEquals(1, load.exit());
        String[] lines = load.err().split("\n");
        assertEquals(2, lines.length, load.err());
        assertTrue(lines[1].startsWith("ariadne: load stopped: 1 malformed lines, more than the 0 allowed"), lines[1]);
        assertFalse(load.err().contains("\tat "), load.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun badFormat = run("load", "--db", dir.resolve("db4").toString(), "--format", "xml", kb.toString());
        assertEquals(2, badFormat.exit());
        assertEquals("ariadne: unknown format 'xml': expected one of auto, metaqa, tsv, csv, ntriples, turtle, jsonl"
                + " (see 'ariadne load --help')\n", badFormat.err());
        assertEquals(2, run("load").exit());
        assertEquals(2, run("load", "--max-errors", "-1", kb.toString()).exit());
        assertEquals(2, run("load", "--delimiter", "ab", kb.toString()).exit());
        assertEquals(2, run("nonsense").exit());
        CliRun both = run("stats", "--db", "x", "--uri", "bolt://localhost:1");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("either --db (embedded) or --uri (server), not both"), both.err());
        assertEquals(2, run("stats", "--database", "movies").exit());
    }

    @Test
    void failuresExitWithOneAndAStackTraceOnlyWhenVerbose() {
        CliRun missing = run("load", "--db", dir.resolve("db5").toString(), dir.resolve("absent.txt").toString());
        assertEquals(1, missing.exit());
        assertEquals("ariadne: no such file: " + dir.resolve("absent.txt") + "\n", missing.err());
        CliRun verbose = run("--verbose", "load", "--db", dir.resolve("db5").toString(), dir.resolve("absent.txt").toString());
        assertEquals(1, verbose.exit());
        assertTrue(verbose.err().contains("\tat dev.ariadne."), verbose.err());
        CliRun verboseAfter = run("load", "--verbose", "--db", dir.resolve("db5").toString(),
                dir.resolve("absent.txt").toString());
        assertTrue(verboseAfter.err().contains("\tat dev.ariadne."), verboseAfter.err());
        CliRun unreachable = run("stats", "--uri", "bolt://127.0.0.1:1");
        assertEquals(1, unreachable.exit());
        assertTrue(unreachable.err().startsWith("ariadne: cannot reach Neo4j at bolt://127.0.0.1:1"), unreachable.err());
        assertEquals(1, unreachable.err().split("\n").length, unreachable.err());
        CliRun noDb = run("stats", "--db", dir.resolve("never-loaded").toString());
        assertEquals(1, noDb.exit());
        assertTrue(noDb.err().startsWith("ariadne: no database in "), noDb.err());
    }

    @Test
    void helpAndVersion() {
        CliRun help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("load") && help.out().contains("stats"), help.out());
        CliRun loadHelp = run("load", "--help");
        assertTrue(loadHelp.out().contains("--max-errors=N"), loadHelp.out());
        assertTrue(loadHelp.out().contains("--db=DIR"), loadHelp.out());
        assertTrue(run("--version").out().startsWith("ariadne "));
    }
}
