package dev.ariadne.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.cypher.connect.EmbeddedGraph;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.InputFormat;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random files, valid and broken lines mixed, loaded into one embedded database with the real loader.
 * Invariants: the load ends normally or with the loader's typed {@link InvalidInputException} (never another
 * exception); every line is either loaded as a triple or reported as rejected (accepted + rejected == lines
 * read, since the generated files have no blank or comment lines); the rejection listener hears each one.
 * {@code -Dfuzz.seconds=N} sets the budget (default 3 s), {@code -Dfuzz.seed=N} replays one case.
 */
class LoaderFuzzTest {
    private static final String[] FORMATS = {"metaqa", "tsv", "jsonl"};
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

    private static void oneFile(Random r, StringBuilder input, int n) throws Exception {
        String format = FORMATS[r.nextInt(FORMATS.length)];
        int lines = 1 + r.nextInt(30);
        for (int i = 0; i < lines; i++) {
            input.append(r.nextInt(3) > 0 ? valid(r, format) : broken(r, format)).append('\n');
        }
        Path file = dir.resolve("in-" + n + "." + (format.equals("metaqa") ? "txt" : format));
        Files.writeString(file, input, StandardCharsets.UTF_8);
        AtomicLong heard = new AtomicLong();
        LoadOptions options = LoadOptions.builder().format(InputFormat.valueOf(format.toUpperCase()))
                .progress(ProgressMode.NONE).maxErrors(1_000).onRejected(x -> heard.incrementAndGet()).build();
        LoadReport report;
        try {
            report = GraphLoader.embedded(graph, options).load(List.of(file));
        } catch (InvalidInputException e) {
            assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
            return;
        }
        assertEquals(lines, report.linesRead(), report.summary());
        assertEquals(report.linesRead(), report.triplesRead() + report.rejectedLines(), "every line accepted or rejected: " + report.summary());
        assertEquals(report.rejectedLines(), heard.get(), "every rejection reported");
        assertEquals(report.rejectedLines(), report.rejected().size(), "every rejection kept (under 1,000 here)");
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
