package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.LoadAbortedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;

/**
 * Faults and hostile input against the embedded loader, one new database folder per test: values too
 * large to index, bytes that are not in the input's encoding, byte-order marks, control characters,
 * truncated gzip, and a folder an older loader left with a FAILED index.
 */
class HostileInputLoadTest {
    private static final LoadOptions QUIET = LoadOptions.builder().progress(ProgressMode.NONE).build();
    private static final String LONG_KEY = "x".repeat(100_000);

    @TempDir
    Path dir;
    private EmbeddedGraph graph;

    @BeforeEach
    void open() {
        graph = EmbeddedGraph.open(dir.resolve("db"), 64);
    }

    @AfterEach
    void close() {
        graph.close();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private LoadReport load(LoadOptions options, Path... files) {
        return GraphLoader.embedded(graph, options).load(List.of(files));
    }

    @Test
    void aKeyTooLargeToIndexIsRejectedInANewFolderWhichStaysUsable() throws IOException {
        Path kb = file("long.txt", "Blue Harbor|directed_by|Ada Quill\n" + LONG_KEY + "|directed_by|Ada Quill\n"
                + "Night Orchard|directed_by|Ada Quill\n");
        LoadReport r = load(QUIET, kb);
        assertEquals(2, r.triplesLoaded());
        assertEquals(1, r.rejectedLines());
        String reason = r.rejected().get(0).format();
        assertTrue(reason.startsWith(kb + ":2: subject is 100,000 bytes long in UTF-8"), reason);
        assertTrue(reason.contains("more than the 8,000 bytes") && reason.contains("limit is 8,164 bytes"), reason);
        assertTrue(reason.length() < 400, "the message does not echo the whole value: " + reason.length());
        assertSchemaOnline();

        LoadReport clean = load(QUIET, file("clean.txt", "Red Dawn|directed_by|Ada Quill\n"));
        assertEquals(1, clean.triplesLoaded());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill", "Night Orchard -directed_by-> Ada Quill",
                "Red Dawn -directed_by-> Ada Quill"), edges());
    }

    @Test
    void aKeyTooLargeToIndexIsRejectedInAnExistingDatabaseAndTheRestOfItsBatchLoads() throws IOException {
        load(QUIET, file("first.txt", "Blue Harbor|directed_by|Ada Quill\n"));
        // A multi-byte name: the limit is on UTF-8 bytes, 3 per character here, not on characters.
        String longName = "\u6f22".repeat(3_000);
        Path kb = file("more.txt", "Night Orchard|directed_by|Ada Quill\nRed Dawn|directed_by|" + longName + "\n"
                + "Red Dawn|written_by|Ada Quill\n");
        LoadReport r = load(QUIET, kb);
        assertEquals(2, r.triplesLoaded());
        assertEquals(1, r.rejectedLines());
        assertTrue(r.rejected().get(0).format().startsWith(kb + ":2: object is 9,000 bytes long in UTF-8 (3,000"
                + " characters)"), r.rejected().get(0).format());
        assertEquals(3, edges().size());
        assertSchemaOnline();
    }

    @Test
    void aBatchTheDatabaseRefusesIsRetriedLineByLineAndOnlyTheBadLinesAreRejected() throws IOException {
        load(QUIET, file("first.txt", "Blue Harbor|directed_by|Ada Quill\n"));
        // The embedded store refuses nothing the loader's own checks let through, so the refusal comes from
        // a writer that refuses any transaction holding the key "refused", as a server constraint would.
        Path kb = file("more.txt", "Night Orchard|directed_by|Ada Quill\nrefused|directed_by|Ada Quill\n"
                + "Red Dawn|directed_by|Ada Quill\nrefused|written_by|Ada Quill\nBlue Harbor|directed_by|Ada Quill\n");
        GraphWriter refusing = new RefusingWriter(new EmbeddedWriter(graph.database(), LoadOptions.DEFAULT_BATCH_SIZE),
                "refused");
        LoadReport r = new LoadRun(refusing, QUIET).run(List.of(kb));
        assertEquals(2, r.triplesLoaded());
        assertEquals(1, r.duplicates());
        assertEquals(2, r.rejectedLines());
        assertEquals(kb + ":2: the database refused this triple: key refused is not allowed",
                r.rejected().get(0).format());
        assertEquals(kb + ":4: the database refused this triple: key refused is not allowed",
                r.rejected().get(1).format());
        assertEquals(Set.of("Blue Harbor -directed_by-> Ada Quill", "Night Orchard -directed_by-> Ada Quill",
                "Red Dawn -directed_by-> Ada Quill"), edges());
    }

    @Test
    void bytesNotInTheEncodingRejectTheirLineInsteadOfMergingEntities() throws IOException {
        byte[] latin1 = "Caf\u00e9 Noir|directed_by|Ada Quill\nCaf\u00e8 Noir|directed_by|Ada Quill\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path kb = bytes("latin1.txt", latin1);
        LoadReport asUtf8 = load(QUIET, kb);
        assertEquals(0, asUtf8.triplesLoaded());
        assertEquals(2, asUtf8.rejectedLines());
        assertEquals(2, asUtf8.linesRead());
        assertEquals(kb + ":1: malformed byte sequence 0xE9 at byte 4 of the line (offset 3 from the start of the file): not"
                + " valid UTF-8; give the file's encoding with --encoding (e.g. --encoding ISO-8859-1)",
                asUtf8.rejected().get(0).format());
        assertTrue(asUtf8.rejected().get(1).format().startsWith(kb + ":2: malformed byte sequence 0xE8 at byte 4"
                + " of the line (offset 35 from the start of the file)"), asUtf8.rejected().get(1).format());
        assertEquals(0, names().size());

        LoadReport asLatin1 = load(QUIET.toBuilder().encoding("latin1").build(), kb);
        assertEquals(2, asLatin1.triplesLoaded());
        assertEquals(0, asLatin1.rejectedLines());
        assertEquals(Set.of("Ada Quill", "Caf\u00e9 Noir", "Caf\u00e8 Noir"), names().keySet());
    }

    @Test
    void aByteOrderMarkIsDroppedInEveryFormat() throws IOException {
        Map<String, String> inputs = new TreeMap<>(Map.of(
                "bom.txt", "Dup Film|directed_by|Ada Quill\nDup Film|written_by|Ada Quill\n",
                "bom.tsv", "Dup Film\tdirected_by\tAda Quill\nDup Film\twritten_by\tAda Quill\n",
                "bom.csv", "subject,relation,object\nDup Film,directed_by,Ada Quill\nDup Film,written_by,Ada Quill\n",
                "bom.jsonl", "{\"subject\":\"Dup Film\",\"relation\":\"directed_by\",\"object\":\"Ada Quill\"}\n"
                        + "{\"subject\":\"Dup Film\",\"relation\":\"written_by\",\"object\":\"Ada Quill\"}\n",
                "bom.nt", "<urn:Dup_Film> <urn:r/directed_by> <urn:Ada_Quill> .\n"
                        + "<urn:Dup_Film> <urn:r/written_by> <urn:Ada_Quill> .\n",
                "bom.ttl", "<urn:Dup_Film> <urn:r/directed_by> <urn:Ada_Quill> .\n"
                        + "<urn:Dup_Film> <urn:r/written_by> <urn:Ada_Quill> .\n"));
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            Path kb = file(input.getKey(), "\uFEFF" + input.getValue());
            LoadReport r = load(QUIET, kb);
            assertEquals(0, r.rejectedLines(), input.getKey() + ": " + r.rejected());
            assertEquals(2, r.triplesRead(), input.getKey());
        }
        for (String key : names().keySet()) {
            assertFalse(key.indexOf('\uFEFF') >= 0, "a BOM reached a key: " + key);
        }
        // Plain keys from the line formats, IRIs from the RDF ones: each format's lines merged with the
        // others' (a BOM kept in one file's first key would add an entity and two relationships).
        assertEquals(4, edges().size(), edges().toString());
        assertEquals(Set.of("Dup Film", "Ada Quill", "urn:Dup_Film", "urn:Ada_Quill"), names().keySet());
    }

    @Test
    void rejectedLinesEscapeControlCharactersTheyEcho() throws IOException {
        Path kb = file("evil.txt", "Blue Harbor|directed_by\u001b]0;owned\u0007|Ada Quill\n"
                + "\u001b[2J" + "k".repeat(9_000) + "|written_by|Ada Quill\n");
        LoadReport r = load(QUIET, kb);
        assertEquals(2, r.rejectedLines());
        for (RejectedLine line : r.rejected()) {
            String shown = line.format();
            assertTrue(shown.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x202e), shown);
        }
        assertTrue(r.rejected().get(0).format().contains("directed_by\\u001b]0;owned\\u0007"),
                r.rejected().get(0).format());
        assertTrue(r.rejected().get(1).format().contains("starts with '\\u001b[2Jkkk"), r.rejected().get(1).format());
        assertTrue(r.rejected().get(1).reason().contains("'\u001b[2Jkkk"),
                "the reason itself keeps the text; only its display is escaped");
    }

    @Test
    void aTruncatedGzipSaysWhereItBrokeAndARerunCompletesTheLoad() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("film ").append(i * 7919L % 100_003).append("|directed_by|person ").append(i % 977)
                    .append('\n');
        }
        byte[] gz = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        Path truncated = bytes("kb.txt.gz", Arrays.copyOf(gz, gz.length / 2));
        LoadAbortedException e = assertThrows(LoadAbortedException.class, () -> load(QUIET, truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": the gzip data is truncated or corrupt (Unexpected end"
                + " of ZLIB input stream) after line "), e.getMessage());
        assertTrue(e.getMessage().contains(String.format("%,d triples were committed before it and stay",
                e.committedTriples())), e.getMessage());
        assertTrue(e.committedTriples() > 1_000 && e.committedTriples() < 20_000, e.getMessage());
        assertEquals(e.committedTriples(), edges().size());
        long lastLine = Long.parseLong(e.getMessage().replaceAll(".* after line ([0-9,]+),.*", "$1")
                .replace(",", ""));
        assertTrue(lastLine >= e.committedTriples(), e.getMessage());

        Path whole = bytes("kb-whole.txt.gz", gz);
        LoadReport r = load(QUIET, whole);
        assertEquals(20_000 - e.committedTriples(), r.triplesLoaded());
        assertEquals(e.committedTriples(), r.duplicates());
        assertEquals(20_000, edges().size());
    }

    @Test
    void aFolderLeftWithAFailedIndexByAnOlderLoaderIsRepaired() throws IOException {
        // What the older loader left: the data first (one key over the index limit), then the name index,
        // whose population failed; its unique constraint was never created.
        try (Transaction tx = graph.database().beginTx()) {
            Node good = tx.createNode(Label.label("Entity"));
            good.setProperty("key", "Blue Harbor");
            good.setProperty("name", "Blue Harbor");
            Node bad = tx.createNode(Label.label("Entity"));
            bad.setProperty("key", LONG_KEY);
            bad.setProperty("name", LONG_KEY);
            good.createRelationshipTo(bad, org.neo4j.graphdb.RelationshipType.withName("directed_by"));
            tx.commit();
        }
        try (Transaction tx = graph.database().beginTx()) {
            tx.execute(EntitySchema.SCHEMA_STATEMENTS.get(1)).close();
            tx.commit();
        }
        while (indexState(EntitySchema.NAME_INDEX) == Schema.IndexState.POPULATING) {
            Thread.onSpinWait();
        }
        assertEquals(Schema.IndexState.FAILED, indexState(EntitySchema.NAME_INDEX));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LoadOptions options = QUIET.toBuilder().log(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
        LoadReport r = load(options, file("clean.txt", "Blue Harbor|written_by|Ada Quill\n"));
        assertEquals(1, r.triplesLoaded());
        String notices = log.toString(StandardCharsets.UTF_8);
        assertTrue(notices.contains("ariadne: removed 1 entities (and their 1 relationships) whose key or name is"
                + " longer than Neo4j's index key limit of 8,164 bytes"), notices);
        assertTrue(notices.contains("ariadne: index entity_name was FAILED ("), notices);
        assertTrue(notices.contains("): dropped it; it is built again now"), notices);
        assertEquals(2, notices.lines().count(), notices);
        assertSchemaOnline();
        assertEquals(Set.of("Blue Harbor -written_by-> Ada Quill"), edges());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private Schema.IndexState indexState(String name) {
        try (Transaction tx = graph.database().beginTx()) {
            return tx.schema().getIndexState(tx.schema().getIndexByName(name));
        }
    }

    private void assertSchemaOnline() {
        try (Transaction tx = graph.database().beginTx()) {
            Schema schema = tx.schema();
            Set<String> online = new TreeSet<>();
            for (IndexDefinition index : schema.getIndexes()) {
                assertEquals(Schema.IndexState.ONLINE, schema.getIndexState(index), index.getName());
                online.add(index.getName());
            }
            assertTrue(online.containsAll(Set.of(EntitySchema.KEY_CONSTRAINT, EntitySchema.NAME_INDEX,
                    EntitySchema.FULLTEXT_INDEX)), online.toString());
            assertTrue(schema.getConstraintByName(EntitySchema.KEY_CONSTRAINT) != null);
        }
    }

    private Set<String> edges() {
        return GraphContents.edges(graph.database());
    }

    private Map<String, String> names() {
        return GraphContents.names(graph.database());
    }
}
