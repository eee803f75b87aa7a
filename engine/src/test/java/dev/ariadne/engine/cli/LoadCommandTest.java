package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ariadne load} against hostile input and bad arguments, run in-process as from the launcher. */
class LoadCommandTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aMissingFileIsRejectedBeforeAnyDatabaseIsCreated() throws IOException {
        Path db = dir.resolve("db");
        Path good = Files.writeString(dir.resolve("good.txt"), "Blue Harbor|directed_by|Ada Quill\n");
        CliRun missing = run("load", "--db", db.toString(), "--progress", "none", good.toString(),
                dir.resolve("absent.txt").toString());
        assertEquals(1, missing.exit());
        assertEquals("ariadne: no such file: " + dir.resolve("absent.txt") + "\n", missing.err());
        assertFalse(Files.exists(db), "a failed check left a database folder behind");
    }

    @Test
    void anUnknownOrUnsupportedEncodingIsAUsageErrorThatCreatesNothing() throws IOException {
        Path db = dir.resolve("db");
        Path good = Files.writeString(dir.resolve("good.txt"), "Blue Harbor|directed_by|Ada Quill\n");
        CliRun unknown = run("load", "--db", db.toString(), "--encoding", "klingon", good.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("ariadne: unknown encoding 'klingon': expected a charset name such as"
                + " UTF-8, ISO-8859-1 or windows-1252"), unknown.err());
        CliRun utf16 = run("load", "--db", db.toString(), "--encoding", "UTF-16", good.toString());
        assertEquals(2, utf16.exit());
        assertTrue(utf16.err().contains("unsupported encoding UTF-16"), utf16.err());
        assertFalse(Files.exists(db));
    }

    @Test
    void latin1InputIsRejectedLineByLineAsUtf8AndLoadsWithEncoding() throws IOException {
        Path kb = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 Noir|directed_by|Ada Quill\nCaf\u00e8 Noir|directed_by|Ada Quill\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun strict = run("load", "--db", dir.resolve("db1").toString(), "--progress", "none", kb.toString());
        assertEquals(0, strict.exit(), strict.err());
        assertTrue(strict.err().startsWith("ariadne: skipped " + kb + ":1: malformed byte sequence 0xE9"), strict.err());
        assertTrue(strict.err().contains(kb + ":2: malformed byte sequence 0xE8"), strict.err());
        assertTrue(strict.out().contains("rejected lines:   2"), strict.out());
        assertTrue(strict.out().contains("triples loaded:   0"), strict.out());

        CliRun latin1 = run("load", "--db", dir.resolve("db2").toString(), "--progress", "none", "--encoding", "ISO-8859-1",
                kb.toString());
        assertEquals(0, latin1.exit(), latin1.err());
        assertEquals("", latin1.err());
        assertTrue(latin1.out().contains("graph now:        3 entities, 2 relationships"), latin1.out());
    }

    @Test
    void aCsvWithAByteOrderMarkLoads() throws IOException {
        Path csv = Files.writeString(dir.resolve("bom.csv"),
                "\uFEFFsubject,relation,object\nDup Film,directed_by,Ada Quill\n");
        CliRun r = run("load", "--db", dir.resolve("db").toString(), "--progress", "none", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("triples loaded:   1"), r.out());
    }

    @Test
    void skippedLineMessagesDoNotCarryTerminalControlSequences() throws IOException {
        Path kb = Files.writeString(dir.resolve("evil.txt"),
                "Blue Harbor|directed_by\u001b]0;owned\u0007|Ada Quill\nNight Orchard|directed_by|Ada Quill\n");
        CliRun r = run("load", "--db", dir.resolve("db").toString(), "--progress", "none", kb.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("directed_by\\u001b]0;owned\\u0007"), r.err());
        assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c == 0x07), r.err());
    }

    @Test
    void aTooLongKeyIsOneRejectedLineAndTheFolderTakesLaterLoads() throws IOException {
        Path db = dir.resolve("db");
        Path kb = Files.writeString(dir.resolve("long.txt"), "x".repeat(100_000) + "|directed_by|Ada Quill\n"
                + "Blue Harbor|directed_by|Ada Quill\n");
        CliRun first = run("load", "--db", db.toString(), "--progress", "none", kb.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().startsWith("ariadne: skipped " + kb + ":1: subject is 100,000 bytes long in UTF-8"),
                first.err());
        Path clean = Files.writeString(dir.resolve("clean.txt"), "Red Dawn|directed_by|Ada Quill\n");
        CliRun second = run("load", "--db", db.toString(), "--progress", "none", clean.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("graph now:        3 entities, 2 relationships"), second.out());
    }
}
