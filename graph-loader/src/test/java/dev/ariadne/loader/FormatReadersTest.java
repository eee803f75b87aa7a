package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatReadersTest {
    private static final LoadOptions DEFAULTS = LoadOptions.defaults();

    private static RecordingSink read(InputFormat format, LoadOptions options, Path file) throws IOException {
        RecordingSink sink = new RecordingSink();
        try (BufferedReader in = new BufferedReader(InputFile.check(file).open(new AtomicLong(),
                StandardCharsets.UTF_8, (line, reason) -> sink.reject(line, reason)))) {
            FormatReader.of(format, options).read(in, sink);
        }
        return sink;
    }

    private static RecordingSink read(InputFormat format, String text) throws IOException {
        RecordingSink sink = new RecordingSink();
        FormatReader.of(format, DEFAULTS).read(new BufferedReader(new StringReader(text)), sink);
        return sink;
    }

    @Test
    void metaqaLines() throws IOException {
        RecordingSink s = read(InputFormat.METAQA, DEFAULTS, Fixtures.path("small.txt"));
        assertEquals(9, s.triples.size());
        assertEquals("Blue Harbor -directed_by-> Ada Quill", s.triples.get(0));
        assertEquals("Night Orchard -release_year-> 1994", s.triples.get(6));
        assertEquals(List.of(8L), s.skipped);
        assertEquals(List.of(), s.rejected);
    }

    @Test
    void metaqaWithConfiguredDelimiterAndCrlf() throws IOException {
        RecordingSink sink = new RecordingSink();
        FormatReader.of(InputFormat.METAQA, LoadOptions.builder().delimiter(';').build())
                .read(new BufferedReader(new StringReader("a ; r ; b\r\nc;r\r\n")), sink);
        assertEquals(List.of("a -r-> b"), sink.triples);
        assertEquals(List.of("2: expected 3 fields (subject;relation;object), found 2"), sink.rejected);
    }

    @Test
    void malformedLinesAreReportedWithTheirNumbers() throws IOException {
        RecordingSink s = read(InputFormat.METAQA, DEFAULTS, Fixtures.path("malformed.txt"));
        assertEquals(List.of(
                "2: expected 3 fields (subject|relation|object), found 2",
                "4: empty subject (expected subject|relation|object)",
                "5: expected 3 fields (subject|relation|object), found 4",
                "8: empty object (expected subject|relation|object)"), s.rejected);
        // Relation types are checked by the load itself (see EmbeddedLoaderTest), so lines 7 and 9 pass here.
        assertEquals(5, s.triples.size());
    }

    @Test
    void tabSeparated() throws IOException {
        RecordingSink s = read(InputFormat.TSV, DEFAULTS, Fixtures.path("small.tsv"));
        assertEquals(List.of("Blue Harbor -directed_by-> Ada Quill", "Blue Harbor -written_by-> Ada Quill",
                "Night Orchard -starred_actors-> Tomas Reed|Jr"), s.triples);
    }

    @Test
    void csvWithHeaderQuotesAndMultiLineField() throws IOException {
        RecordingSink s = read(InputFormat.CSV, DEFAULTS, Fixtures.path("small.csv"));
        assertEquals(List.of(
                "m1(Blue Harbor) -directed_by-> p1(Ada Quill)",
                "m1(Blue Harbor) -written_by-> p1(Ada Quill)",
                "m2(Night \"Orchard\") -starred_actors-> p2(Reed, Tomas)",
                "m2(Night Orchard) -tagline-> t1(two\nlines)"), s.triples);
        assertEquals(List.of(), s.rejected);
    }

    @Test
    void csvBadRowsAndMissingColumns() throws IOException {
        RecordingSink s = read(InputFormat.CSV, "head,rel,tail\na,r,b\na,r\n\"x\"y,r,b\na,\"r,b\n");
        assertEquals(List.of("a -r-> b"), s.triples);
        assertEquals(List.of("3: expected 3 fields as in the header [head, rel, tail], found 2",
                "4: unexpected 'y' after a closing quote at column 4",
                "5: unterminated quoted field (a '\"' opened here is never closed)"), s.rejected);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(InputFormat.CSV, "from,verb,to\na,r,b\n"));
        assertTrue(e.getMessage().contains("has no relation column"), e.getMessage());
    }

    @Test
    void nTriples() throws IOException {
        RecordingSink s = read(InputFormat.NTRIPLES, DEFAULTS, Fixtures.path("small.nt"));
        assertEquals(List.of(1L), s.skipped);
        assertEquals(List.of(
                "http://example.org/film/BlueHarbor(BlueHarbor) -directed_by-> http://example.org/person/AdaQuill(AdaQuill)",
                "http://example.org/film/BlueHarbor(BlueHarbor) -release_year-> 1994(1994)",
                "_:b1 -starred_actors-> http://example.org/person/TomasReed(TomasReed)"), s.triples);
    }

    @Test
    void nTriplesWithFullIriRelations() throws IOException {
        RecordingSink s = read(InputFormat.NTRIPLES,
                LoadOptions.builder().rdfRelationNaming(RdfRelationNaming.IRI).build(), Fixtures.path("small.nt"));
        assertTrue(s.triples.get(0).contains(" -http://example.org/ns/directed_by-> "), s.triples.get(0));
    }

    @Test
    void nTriplesSkipsABadLineAndGoesOn() throws IOException {
        RecordingSink s = read(InputFormat.NTRIPLES, DEFAULTS, Fixtures.path("bad.nt"));
        assertEquals(2, s.triples.size());
        assertEquals(1, s.rejected.size());
        assertTrue(s.rejected.get(0).startsWith("2: "), s.rejected.toString());
        assertEquals(List.of(), s.skipped);
    }

    @Test
    void nTriplesLineThatCrashesRiosParserIsARejectedLineAndTheRestLoads() throws IOException {
        // Found by LoaderFuzzTest: a typed literal with no final dot threw ArrayIndexOutOfBoundsException out of
        // Rio's N-Triples parser, which escaped the loader and stopped the whole load.
        RecordingSink s = read(InputFormat.NTRIPLES,
                "<urn:a> <urn:r> \"x\"^^<urn:dt>\n<urn:a> <urn:r> <urn:b> .\n");
        assertEquals(List.of("urn:a(a) -r-> urn:b(b)"), s.triples);
        assertEquals(1, s.rejected.size(), s.rejected.toString());
        assertTrue(s.rejected.get(0).startsWith("1: malformed N-Triples line: the RDF parser (RDF4J Rio) failed on it ("),
                s.rejected.get(0));
        assertTrue(s.rejected.get(0).endsWith("; expected <subject> <predicate> <object> ."), s.rejected.get(0));
    }

    @Test
    void turtle() throws IOException {
        RecordingSink s = read(InputFormat.TURTLE, DEFAULTS, Fixtures.path("small.ttl"));
        assertEquals(4, s.triples.size());
        assertTrue(s.triples.contains("http://example.org/film/BlueHarbor(BlueHarbor) -starred_actors-> "
                + "http://example.org/person/LenaPark(LenaPark)"), s.triples.toString());
    }

    @Test
    void turtleStopsAtASyntaxErrorKeepingWhatCameBefore() throws IOException {
        RecordingSink s = read(InputFormat.TURTLE, DEFAULTS, Fixtures.path("bad.ttl"));
        // Rio emits c -r-> d before it sees the missing '.' on line 4.
        assertEquals(List.of("http://example.org/a(a) -r-> http://example.org/b(b)",
                "http://example.org/c(c) -r-> http://example.org/d(d)"), s.triples);
        assertEquals(1, s.rejected.size());
        assertTrue(s.rejected.get(0).startsWith("4: ") && s.rejected.get(0).contains("rest of the file"),
                s.rejected.toString());
    }

    @Test
    void turtleRejectionsNameTheLineAndAnEmptyObjectIsRejected() throws IOException {
        // Found by LoaderFuzzTest: every Turtle triple was reported at line 0, so a bad relation type said
        // "kb.ttl:0: ..."; and Rio reads "ex:s ex:p ." (no object) as an empty object, which became an entity
        // keyed "" instead of a rejected line.
        List<String> rejected = new java.util.ArrayList<>();
        List<Long> lines = new java.util.ArrayList<>();
        TripleSink sink = new TripleSink() {
            @Override
            public void accept(long line, String s, String sn, String r, String o, String on) {
                lines.add(line);
            }

            @Override
            public void reject(long line, String reason) {
                rejected.add(line + ": " + reason);
            }

            @Override
            public void skip(long line) {
            }
        };
        FormatReader.of(InputFormat.TURTLE, DEFAULTS).read(new BufferedReader(new StringReader(
                "@prefix ex: <http://ex.org/> .\nex:a ex:r ex:b .\nex:s ex:r .\nex:e ex:r ex:f ;\n  ex:r ex:g .\n")), sink);
        assertEquals(List.of(2L, 4L, 5L), lines);
        assertEquals(List.of("3: empty object: an entity needs a non-empty key (IRI, blank node or literal text)"), rejected);
    }

    @Test
    void jsonLines() throws IOException {
        RecordingSink s = read(InputFormat.JSONL, DEFAULTS, Fixtures.path("small.jsonl"));
        assertEquals(List.of("m1(Blue Harbor) -directed_by-> p1(Ada Quill)", "m1 -release_year-> 1994",
                "m2 -directed_by-> p1(Ada Quill)"), s.triples);
        assertEquals(List.of(3L), s.skipped);
    }

    @Test
    void jsonLinesErrors() throws IOException {
        RecordingSink s = read(InputFormat.JSONL, "{\"subject\":\"a\",\"relation\":\"r\"}\n[1]\n{bad\n"
                + "{\"subject\":\"a\",\"relation\":{},\"object\":\"b\"}\n{\"subject\":\" \",\"relation\":\"r\",\"object\":\"b\"}\n");
        assertEquals(5, s.rejected.size());
        assertEquals("1: missing \"object\"", s.rejected.get(0));
        assertTrue(s.rejected.get(1).startsWith("2: expected a JSON object"));
        assertTrue(s.rejected.get(2).startsWith("3: not valid JSON"));
        assertEquals("4: \"relation\" must be a string, found object", s.rejected.get(3));
        assertEquals("5: empty \"subject\"", s.rejected.get(4));
    }

    @Test
    void gzipIsReadTransparently(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("small.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.path("small.txt"), out);
        }
        assertEquals(InputFormat.METAQA, InputFile.check(gz).resolve(InputFormat.AUTO));
        assertEquals(read(InputFormat.METAQA, DEFAULTS, Fixtures.path("small.txt")).triples,
                read(InputFormat.METAQA, DEFAULTS, gz).triples);
    }

    @Test
    void formatDetection(@TempDir Path dir) throws IOException {
        assertEquals(InputFormat.TSV, InputFile.check(Fixtures.path("small.tsv")).resolve(InputFormat.AUTO));
        assertEquals(InputFormat.CSV, InputFile.check(Fixtures.path("small.csv")).resolve(InputFormat.AUTO));
        assertEquals(InputFormat.NTRIPLES, InputFile.check(Fixtures.path("small.nt")).resolve(InputFormat.AUTO));
        assertEquals(InputFormat.TURTLE, InputFile.check(Fixtures.path("small.ttl")).resolve(InputFormat.AUTO));
        assertEquals(InputFormat.JSONL, InputFile.check(Fixtures.path("small.jsonl")).resolve(InputFormat.AUTO));
        assertEquals(InputFormat.METAQA, InputFile.check(Fixtures.path("small.txt")).resolve(InputFormat.AUTO));
        Path sniffed = Files.writeString(dir.resolve("data"), "\n{\"subject\":\"a\"}\n");
        assertEquals(InputFormat.JSONL, InputFile.check(sniffed).resolve(InputFormat.AUTO));
        Path tabs = Files.writeString(dir.resolve("data.dat"), "a\tr\tb\n");
        assertEquals(InputFormat.TSV, InputFile.check(tabs).resolve(InputFormat.AUTO));
        Path unknown = Files.writeString(dir.resolve("notes"), "just words\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> InputFile.check(unknown).resolve(InputFormat.AUTO))
                .getMessage().contains("--format"));
        assertEquals("no such file: " + dir.resolve("absent.txt"),
                assertThrows(InvalidInputException.class, () -> InputFile.check(dir.resolve("absent.txt"))).getMessage());
    }
}
