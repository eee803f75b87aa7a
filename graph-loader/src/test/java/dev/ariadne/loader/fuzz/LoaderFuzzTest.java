package dev.ariadne.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.InputFormat;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random files, valid and broken lines mixed, loaded into one embedded database with the real loader, in every
 * format: s|r|o, TSV, JSON lines, CSV (header, quoted fields, fields spanning lines), N-Triples and Turtle, with
 * byte-order marks, control characters and 5,000-character and over-long (9,000-byte) fields.
 * Invariants: the load ends normally or with the loader's typed {@link InvalidInputException} with a one-line
 * message (never another exception); in the line-based formats every line (CSV: every record) is loaded as a
 * triple, counted as a duplicate, reported as rejected or skipped as blank, comment or header (lines read ==
 * loaded + duplicates + rejected + skipped, and == the lines generated); in Turtle, whose statements span lines,
 * every triple before a syntax error is read or rejected and the syntax error is one rejection; the rejection
 * listener hears each one. {@code -Dfuzz.seconds=N} sets the budget (default 3 s), {@code -Dfuzz.seed=N}
 * replays one case.
 */
class LoaderFuzzTest {
    private static final String[] FORMATS = {"metaqa", "tsv", "jsonl", "csv", "ntriples", "turtle"};
    private static final String BOM = "\uFEFF";
    @TempDir
    static Path dir;
    private static EmbeddedGraph graph;

    @BeforeAll
    static void open() {
        graph = EmbeddedGraph.open(dir.resolve("db"), 16);
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Test
    void everyLineIsLoadedOrReportedAndNothingElseEscapes() throws Exception {
        String replay = System.getProperty("fuzz.seed");
        double seconds = Double.parseDouble(System.getProperty("fuzz.seconds", "3"));
        long master = new SplittableRandom().nextLong();
        SplittableRandom seeds = new SplittableRandom(master);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int cases = 0;
        do {
            long seed = replay != null ? Long.parseLong(replay.trim()) : seeds.nextLong();
            StringBuilder input = new StringBuilder();
            try {
                oneFile(new Random(seed), input, cases);
            } catch (Throwable t) {
                throw new AssertionError("loader fuzz failed; replay with -Dfuzz.seed=" + seed + "\ninput:\n"
                        + input.toString().replaceAll("[\\p{Cntrl}&&[^\\n]]", "?") + "\nfailure: " + t, t);
            }
            cases++;
        } while (replay == null && System.nanoTime() < end);
        System.out.printf("fuzz loader: %d files in %.1f s (master seed %d)%n", cases, seconds, master);
    }

    /**
     * What a generated file should give: {@code units} lines (CSV: records) that each end as a triple read or a
     * rejection, {@code skipped} blank, comment or header lines; for Turtle the triples and rejections expected.
     */
    private record Expected(long units, long skipped, Turtle turtle) {
    }

    /** Turtle: triples and rejections (bad type, over-long value) before the first syntax error, if any. */
    private record Turtle(long good, long bad, boolean syntaxError) {
    }

    private static void oneFile(Random r, StringBuilder input, int n) throws Exception {
        String format = FORMATS[r.nextInt(FORMATS.length)];
        Expected expected = switch (format) {
            case "csv" -> csv(r, input);
            case "ntriples" -> ntriples(r, input);
            case "turtle" -> turtle(r, input);
            default -> lines(r, input, format);
        };
        String extension = switch (format) {
            case "metaqa" -> "txt";
            case "ntriples" -> "nt";
            case "turtle" -> "ttl";
            default -> format;
        };
        Path file = dir.resolve("in-" + n + "." + extension);
        Files.writeString(file, input, StandardCharsets.UTF_8);
        AtomicLong heard = new AtomicLong();
        LoadOptions options = LoadOptions.builder().format(InputFormat.valueOf(format.toUpperCase()))
                .progress(ProgressMode.NONE).maxErrors(1_000).onRejected(x -> heard.incrementAndGet()).build();
        LoadReport report;
        try {
            report = GraphLoader.embedded(graph, options).load(List.of(file));
        } catch (InvalidInputException e) {
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one-line message: " + e.getMessage());
            return;
        }
        String summary = format + "\n" + report.summary() + "\n" + report.rejected();
        assertEquals(report.rejectedLines(), heard.get(), "every rejection reported: " + summary);
        assertEquals(report.rejectedLines(), report.rejected().size(), "every rejection kept (under 1,000 here): " + summary);
        for (var rejection : report.rejected()) {
            assertTrue(rejection.line() >= 1, "a rejection names its line: " + rejection.format());
            assertFalse(rejection.format().contains("\n"), "one-line rejection: " + rejection.format());
        }
        if (expected.turtle() == null) {
            assertEquals(expected.units() + expected.skipped(), report.linesRead(), "lines read: " + summary);
            assertEquals(report.linesRead(), report.triplesLoaded() + report.duplicates() + report.rejectedLines()
                    + expected.skipped(), "every line loaded, duplicate, rejected or skipped: " + summary);
        } else {
            Turtle t = expected.turtle();
            assertEquals(report.linesRead(), report.triplesRead() + report.rejectedLines(), "statements read: " + summary);
            if (t.syntaxError()) {
                // Rio may hand over the broken statement's first triple before it meets the error.
                assertEquals(t.bad() + 1, report.rejectedLines(), "rejections: " + summary);
                assertTrue(report.triplesRead() >= t.good() && report.triplesRead() <= t.good() + 1, "triples read: " + summary);
                assertTrue(report.rejected().get(report.rejected().size() - 1).reason().contains("cannot resume"), summary);
            } else {
                assertEquals(t.good(), report.triplesRead(), "triples read: " + summary);
                assertEquals(t.bad(), report.rejectedLines(), "rejections: " + summary);
            }
        }
    }

    /** s|r|o, TSV and JSON lines: one triple or one malformed line per line, blank lines skipped. */
    private static Expected lines(Random r, StringBuilder input, String format) {
        if (r.nextInt(4) == 0) {
            input.append(BOM);
        }
        int lines = 1 + r.nextInt(30);
        long skipped = 0;
        for (int i = 0; i < lines; i++) {
            if (r.nextInt(15) == 0) {
                input.append(r.nextBoolean() ? "" : "   ").append('\n');
                skipped++;
                continue;
            }
            input.append(r.nextInt(3) > 0 ? valid(r, format) : broken(r, format)).append('\n');
        }
        return new Expected(lines - skipped, skipped, null);
    }

    /**
     * CSV: a header (columns in random order, sometimes with name columns, sometimes a BOM, rarely no subject
     * column: a one-line error), then records, valid ones with quoted fields, doubled quotes, commas and line
     * breaks inside quotes; broken ones with a wrong field count, an empty field, text after a closing quote, a
     * bad relation type, controls or an over-long key; an unterminated quote only last (it takes the rest).
     */
    private static Expected csv(Random r, StringBuilder input) {
        if (r.nextInt(4) == 0) {
            input.append(BOM);
        }
        List<String> header = new ArrayList<>(List.of("subject", "relation", "object"));
        if (r.nextBoolean()) {
            header.add("subject_name");
        }
        if (r.nextBoolean()) {
            header.add("extra");
        }
        java.util.Collections.shuffle(header, r);
        String written = String.join(",", header);
        input.append(r.nextInt(30) == 0 ? written.replace("subject,", "subj\u0001ect,") : written).append('\n');
        int total = 1 + r.nextInt(30);
        long records = 0;
        long skipped = 1;
        for (int i = 0; i < total; i++) {
            if (r.nextInt(15) == 0) {
                input.append('\n');
                skipped++;
                continue;
            }
            records++;
            List<String> fields = new ArrayList<>();
            for (String column : header) {
                fields.add(switch (column) {
                    case "relation" -> "rel_" + r.nextInt(3);
                    default -> csvField(r, word(r));
                });
            }
            if (r.nextInt(3) == 0) {
                int f = r.nextInt(fields.size());
                switch (r.nextInt(6)) {
                    case 0 -> fields.remove(f);
                    case 1 -> fields.add("surplus");
                    case 2 -> fields.set(header.indexOf("subject"), "  ");
                    // Last: the reader gives up on the record there and resumes at the next physical line,
                    // so a quoted line break after it would start records of its own.
                    case 3 -> fields.set(fields.size() - 1, "\"closed\"then text");
                    case 4 -> fields.set(header.indexOf("relation"), r.nextBoolean() ? "~bad" : "a\u001bb");
                    default -> fields.set(header.indexOf("object"), "x" + "\u00e9".repeat(4_600));
                }
            } else if (r.nextInt(8) == 0) {
                fields.set(header.indexOf("object"), csvField(r, "ctl\u0001\u001b[31m\u007f\u0085\u202e " + "q".repeat(r.nextInt(5_000))));
            }
            input.append(String.join(",", fields)).append('\n');
        }
        if (r.nextInt(10) == 0) {
            input.append("\"never closed,rel_0,x\nmore\n");
            records++;
        }
        return new Expected(records, skipped, null);
    }

    private static String csvField(Random r, String value) {
        return switch (r.nextInt(4)) {
            case 0 -> "\"" + value.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + value.replace("\"", "\"\"") + ",\nsecond line \"\"q\"\"\"";
            default -> value.replace("\"", "").replace(",", ";");
        };
    }

    /** N-Triples: one statement or one malformed line per line; blank and comment lines skipped. */
    private static Expected ntriples(Random r, StringBuilder input) {
        if (r.nextInt(4) == 0) {
            input.append(BOM);
        }
        int lines = 1 + r.nextInt(30);
        long skipped = 0;
        for (int i = 0; i < lines; i++) {
            if (r.nextInt(12) == 0) {
                input.append(r.nextBoolean() ? "" : "# comment " + word(r)).append('\n');
                skipped++;
                continue;
            }
            String s = iri(r);
            String p = "<http://ex.org/rel_" + r.nextInt(3) + ">";
            String o = r.nextBoolean() ? iri(r) : literal(r);
            String line = switch (r.nextInt(3) > 0 ? 99 : r.nextInt(9)) {
                case 0 -> s + " " + p + " " + o;
                case 1 -> s + " " + p + " .";
                case 2 -> "<http://ex.org/a b> " + p + " " + o + " .";
                case 3 -> s + " " + p + " \"unterminated .";
                case 4 -> s + " <http://ex.org/~bad> " + o + " .";
                case 5 -> s + " " + p + " \"" + "\u00e9".repeat(4_600) + "\" .";
                case 6 -> "<http://ex.org/ctl\u0001\u001b[31m> " + p + " " + o + " .";
                case 7 -> s + " " + p + " \"" + "q".repeat(5_000) + "\u0085\u202e\" .";
                case 8 -> "{\"subject\": \"not rdf\"}";
                default -> s + " " + p + " " + o + " .";
            };
            input.append(line).append('\n');
        }
        return new Expected(lines - skipped, skipped, null);
    }

    /**
     * Turtle: a prefix, then statements of one to three triples ({@code ;} and {@code ,} lists, some spanning
     * lines), some with a bad relation type or an over-long literal (each a rejection, the load goes on), and
     * sometimes one syntax error, after which Rio cannot resume.
     */
    private static Expected turtle(Random r, StringBuilder input) {
        if (r.nextInt(4) == 0) {
            input.append(BOM);
        }
        input.append("@prefix ex: <http://ex.org/> .\n");
        int statements = 1 + r.nextInt(20);
        int broken = r.nextInt(3) == 0 ? r.nextInt(statements) : -1;
        long good = 0;
        long bad = 0;
        for (int i = 0; i < statements; i++) {
            if (i == broken) {
                // At most one good triple comes before the error in each of these.
                // (Not "ex:s ex:p ." : Rio reads that as an empty object, rejected without stopping.)
                input.append(switch (r.nextInt(5)) {
                    case 0 -> "ex:s ex:rel_0 \"unterminated . ex:t ex:rel_0 ex:u .\n";
                    case 1 -> "ex:s ex:rel_0 \"unterminated .\n";
                    case 2 -> "ex:s undeclared:p ex:o .\n";
                    case 3 -> "ex:s ex:rel_0 ex:o ; ex:rel_1 \"unterminated .\n";
                    case 4 -> "<http://ex.org/ctl\u0001> ex:rel_0 ex:o .\n";
                    default -> "ex:s ex:rel_0 ex:o\nex:t ex:rel_1 ex:u .\n";
                });
                input.append("ex:after ex:rel_0 ex:never_read .\n");
                return new Expected(0, 0, new Turtle(good, bad, true));
            }
            int triples = 1 + r.nextInt(3);
            String subject = r.nextBoolean() ? "ex:" + ascii(r) : r.nextBoolean() ? iri(r) : "_:b" + r.nextInt(10);
            input.append(subject);
            for (int t = 0; t < triples; t++) {
                String predicate = "ex:rel_" + r.nextInt(3);
                String object = r.nextBoolean() ? "ex:" + ascii(r) : literal(r);
                boolean isBad = r.nextInt(8) == 0;
                if (isBad) {
                    if (r.nextBoolean()) {
                        predicate = "<http://ex.org/~bad>";
                    } else {
                        object = "\"" + "\u00e9".repeat(4_600) + "\"";
                    }
                }
                input.append(t == 0 ? " " : r.nextBoolean() ? " ;\n    " : " ; ").append(predicate).append(' ').append(object);
                if (isBad) {
                    bad++;
                } else {
                    good++;
                }
            }
            input.append(" .\n");
        }
        return new Expected(0, 0, new Turtle(good, bad, false));
    }

    private static String iri(Random r) {
        return "<http://ex.org/" + ascii(r) + ">";
    }

    private static String ascii(Random r) {
        return "e" + r.nextInt(60);
    }

    /** An RDF literal with escapes, controls (escaped), CJK, a language tag or a datatype. */
    private static String literal(Random r) {
        String text = switch (r.nextInt(5)) {
            case 0 -> "Ada \\\"Q\\\" \\u00e9l\\t" + r.nextInt(50);
            case 1 -> "北京" + r.nextInt(50);
            case 2 -> "esc \\u001b[31m \\u0000 " + r.nextInt(50);
            case 3 -> "q".repeat(1 + r.nextInt(5_000));
            default -> word(r).replace("\"", "");
        };
        return "\"" + text + "\"" + switch (r.nextInt(3)) {
            case 0 -> "@en";
            case 1 -> "^^<http://www.w3.org/2001/XMLSchema#string>";
            default -> "";
        };
    }

    private static String valid(Random r, String format) {
        String s = word(r);
        String rel = "rel_" + r.nextInt(3);
        String o = word(r);
        return switch (format) {
            case "metaqa" -> s + "|" + rel + "|" + o;
            case "tsv" -> s + "\t" + rel + "\t" + o;
            default -> "{\"subject\":\"" + s + "\",\"relation\":\"" + rel + "\",\"object\":\"" + o + "\"}";
        };
    }

    private static String broken(Random r, String format) {
        return switch (r.nextInt(4)) {
            case 0 -> "x" + (format.equals("tsv") ? "\t" : "|") + "only two";
            case 1 -> "a|~bad rel|b".replace('|', format.equals("tsv") ? '\t' : '|');
            case 2 -> "{\"subject\": 1";
            default -> "z" + "\u0001\u001b[31m" + "q".repeat(r.nextInt(5000));
        };
    }

    private static String word(Random r) {
        String[] parts = {"Ada", "Élan", "北京", "O'Neil", "x\"q", "a b", "\u00a0sp"};
        return parts[r.nextInt(parts.length)] + r.nextInt(50);
    }
}
