package dev.ariadne.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.engine.cli.AriadneCli;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.ProgressMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ariadne ask} through the real command line ({@link AriadneCli#newCommandLine()}, in-process) with
 * random questions, topics and option values, on one small embedded database (the quickstart graph).
 * Invariants: exit code 0, 1 or 2; no stack trace and no exception class name (unless {@code --verbose});
 * an error is one line on stderr starting {@code ariadne: }; no line of text output holds a raw control
 * character ({@link TerminalText#hasUnsafe}); {@code --json} output parses; and the graph (counts and a
 * checksum of every node, relationship, index and constraint) is the same after the whole run.
 *
 * <p>Each answered question reopens the database as the CLI does (about 3 s on the shared 2-core machine),
 * so about one case in six is one; the rest stop at option parsing or at an input check before the
 * database starts (exit 2, or exit 1 for a missing planner, folder or conflicting options), which is
 * cheap. {@code -Dfuzz.seconds=N} sets the budget, {@code -Dfuzz.seed=N} replays one case.
 */
class AskCliFuzzTest {
    /** Cypher, Lucene and shell-ish fragments a question or topic might carry. */
    static final String[] INJECTION = {"') DETACH DELETE n //", "\") DETACH DELETE n //", "`) DETACH DELETE n //",
        "MATCH (n) DETACH DELETE n", "'; CALL db.clearQueryCaches() //", "*:*", "*", "?", "name:\"x\" OR", "name:foo~",
        "key:*", "\"unbalanced", "[unclosed", "]", "[[x]]", "[]", "(", ")", "{", "}", "AND", "OR NOT", "\\", "/", "^2",
        "+-&&||!(){}[]^\"~*?:\\/", "$param", "${jndi:ldap://x}", "%s%n", "' OR '1'='1", "~", "-->", "|", "\u0000",
        "\u001b[2J", "\u202e", "北京電影", "@nofile"};
    private static final String[] NAMES = {"The Glass Orchard", "Petra Vossberg", "Caspian Hale", "Salt and Semaphore",
        "Port Ilvane", "2001", "the glass orchard"};
    private static final String[] QUESTIONS = {"Who directed %s?", "Which films did %s star in?", "[%s] who?",
        "Where was the director of %s born?", "%s", "Who directed [%s]?", "What about [%s"};
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Za-z]*(Exception|Error)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path db;
    private static GraphFingerprint before;

    @BeforeAll
    static void database() {
        Path graph = QuickstartData.load().writeGraph(dir.resolve("graph.txt"));
        db = dir.resolve("db");
        try (EmbeddedGraph g = EmbeddedGraph.open(db, 16)) {
            GraphLoader.embedded(g, LoadOptions.builder().progress(ProgressMode.NONE).build()).load(List.of(graph));
            before = GraphFingerprint.of(g.database());
        }
        assertTrue(before.nodes() > 0 && before.relationships() > 0, before.toString());
    }

    /** What one CLI run printed: its writers and anything written past them to System.out / System.err. */
    record Run(int exit, String out, String err, String stray) {
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream sysOut = System.out;
        PrintStream sysErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8);
        int exit;
        // Replaced before the command line is made: picocli's default execution strategy remembers the
        // System.err of its creation and, finding it changed, swaps the command's err writer back to it.
        System.setOut(capture);
        System.setErr(capture);
        try {
            CommandLine cl = AriadneCli.newCommandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(sysOut);
            System.setErr(sysErr);
        }
        return new Run(exit, out.toString(), err.toString(), stray.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anyQuestionTopicAndOptionsGiveATypedOutcomeAndLeaveTheGraphUnchanged() {
        int[] exits = new int[3];
        FuzzLoop.run("ask-cli", (r, input) -> {
            boolean realAsk = r.nextInt(6) == 0;
            List<String> args = arguments(r, realAsk);
            input.append(args);
            Run run = run(args);
            input.append("\nexit ").append(run.exit()).append("\nstdout: ").append(run.out())
                    .append("\nstderr: ").append(run.err()).append("\nstray: ").append(run.stray());
            check(args, run);
            exits[run.exit()]++;
        });
        try (EmbeddedGraph g = EmbeddedGraph.open(db, 16)) {
            assertEquals(before, GraphFingerprint.of(g.database()), "ask changed the graph");
        }
        System.out.printf("fuzz ask-cli: exit 0 (answered) %d, exit 1 (typed failure) %d, exit 2 (usage) %d%n",
                exits[0], exits[1], exits[2]);
    }

    /**
     * Cypher and Lucene syntax in a topic or a question is data, never a query: each ask ends with a typed
     * "no entity matches" (exit 1, one line, the input echoed escaped), and the graph is unchanged.
     */
    @Test
    void cypherAndLuceneInjectionInTopicsAndQuestionsDoesNoHarm() throws Exception {
        for (List<String> args : List.of(
                List.of("ask", "--db", db.toString(), "--zero-shot", "--topic", "x') DETACH DELETE n //", "who directed it?"),
                List.of("ask", "--db", db.toString(), "--zero-shot", "--topic", "*:*", "--topic", "name:\"x\" OR", "who?"),
                List.of("ask", "--db", db.toString(), "--zero-shot", "*:* name:foo~ key:* \"unbalanced (bracket [x AND OR")) ) {
            Run run = run(args);
            check(args, run);
            assertEquals(AriadneCli.EXIT_FAILURE, run.exit(), args + ": " + run.err());
            assertTrue(run.err().startsWith("ariadne: no entity in the graph matches '"), args + ": " + run.err());
        }
        try (EmbeddedGraph g = EmbeddedGraph.open(db, 16)) {
            assertEquals(before, GraphFingerprint.of(g.database()), "an injection attempt changed the graph");
        }
    }

    static void check(List<String> args, Run run) throws Exception {
        boolean verbose = args.contains("--verbose");
        assertTrue(run.exit() >= 0 && run.exit() <= 2, "exit code " + run.exit());
        assertEquals("", run.stray(), "printed past the command's writers");
        for (String text : List.of(run.out(), run.err())) {
            if (!verbose) {
                assertFalse(text.contains("\tat "), "stack trace");
                assertFalse(EXCEPTION_NAME.matcher(text).find(), "exception class name in output");
            }
        }
        if (run.exit() != 0) {
            assertTrue(run.err().startsWith("ariadne: "), "error starts with 'ariadne: '");
            assertFalse(run.err().contains("unexpected error"), "an untyped error reached the user");
            if (!verbose) {
                assertEquals(1, run.err().lines().count(), "one-line error");
            }
        } else {
            assertEquals("", run.err(), "stderr of a successful ask");
            assertFalse(run.out().isBlank(), "a successful ask printed nothing");
        }
        assertNoRawControls(run.err());
        String text = run.out();
        if (run.exit() == 0 && args.contains("--json")) {
            try (JsonParser p = JSON.getFactory().createParser(text)) {
                JsonNode answer = JSON.readTree(p);
                assertNotNull(answer, "no JSON");
                assertTrue(answer.isObject(), "JSON answer is an object");
                text = text.substring((int) Math.min(text.length(), p.getCurrentLocation().getCharOffset()));
            }
        }
        assertNoRawControls(text);
    }

    private static void assertNoRawControls(String text) {
        text.lines().forEach(line -> {
            // --verbose stack frames start with the trace's own tab; the rest of the line is escaped.
            String l = line.startsWith("\t") ? line.substring(1) : line;
            assertFalse(TerminalText.hasUnsafe(l), () -> "raw control character in: " + TerminalText.escape(line));
        });
    }

    /**
     * {@code realAsk}: only valid options, so the question reaches the database (unless it is blank);
     * otherwise at least one poison that stops before the database starts.
     */
    static List<String> arguments(Random r, boolean realAsk) {
        List<String> opts = new ArrayList<>();
        opts.add("ask");
        opts.add("--db");
        opts.add(db.toString());
        opts.add("--zero-shot");
        if (r.nextInt(3) == 0) {
            opts.add("--hops");
            opts.add(realAsk ? String.valueOf(1 + r.nextInt(6)) : anyInt(r));
        }
        if (r.nextInt(3) == 0) {
            opts.add("--plans");
            opts.add(realAsk ? String.valueOf(1 + r.nextInt(100)) : anyInt(r));
        }
        if (r.nextInt(3) == 0) {
            opts.add("--paths");
            opts.add(realAsk ? String.valueOf(1 + r.nextInt(2000)) : anyInt(r));
        }
        if (r.nextInt(3) == 0) {
            opts.add("--timeout");
            opts.add(realAsk ? String.valueOf(new int[] {1, 10, 100, 5_000, 30_000}[r.nextInt(5)]) : anyInt(r));
        }
        if (r.nextInt(3) == 0) {
            opts.add("--min-confidence");
            opts.add(realAsk ? String.valueOf(r.nextInt(3) == 0 ? 0.0 : r.nextDouble()) : anyDouble(r));
        }
        if (r.nextInt(3) == 0) {
            opts.add("--max-topics");
            opts.add(realAsk ? String.valueOf(1 + r.nextInt(5)) : anyInt(r));
        }
        int topics = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < topics; i++) {
            opts.add("--topic");
            opts.add(topic(r));
        }
        for (String flag : new String[] {"--json", "--mermaid", "--dot"}) {
            if (r.nextInt(3) == 0) {
                opts.add(flag);
            }
        }
        if (r.nextInt(10) == 0) {
            opts.add("--verbose");
        }
        if (!realAsk) {
            poison(r, opts);
        }
        List<String> args = new ArrayList<>(opts.subList(0, 1));
        List<String> rest = shuffledPairs(r, opts.subList(1, opts.size()));
        args.addAll(rest);
        if (realAsk || r.nextInt(8) != 0) {
            if (r.nextInt(4) == 0) {
                args.add("--");
            }
            args.add(question(r));
        }
        return args;
    }

    /** Something that makes the command stop before opening the database. */
    private static void poison(Random r, List<String> opts) {
        switch (r.nextInt(10)) {
            case 0 -> opts.addAll(List.of("--hops", String.valueOf(r.nextBoolean() ? 0 : 7 + r.nextInt(1000))));
            case 1 -> opts.addAll(List.of("--min-confidence", new String[] {"NaN", "-0.1", "1.5", "Infinity", "x"}[r.nextInt(5)]));
            case 2 -> opts.add(new String[] {"--nope", "--hop", "-x", "--json=maybe", "--topic=", "--db"}[r.nextInt(6)]);
            case 3 -> opts.addAll(List.of("--timeout", r.nextBoolean() ? "0" : RandomText.of(r, 20)));
            case 4 -> opts.addAll(List.of("--topic", r.nextBoolean() ? "" : " \t "));
            case 5 -> opts.addAll(List.of("--model", dir.resolve("none.ariadne").toString()));
            case 6 -> opts.addAll(List.of("--uri", r.nextBoolean() ? "bolt://localhost:1" : RandomText.of(r, 30)));
            case 7 -> opts.addAll(List.of("--db", dir.resolve("no-such-db").toString()));
            case 8 -> opts.addAll(List.of("--plans", "101"));
            default -> opts.addAll(List.of(RandomText.of(r, 40), RandomText.of(r, 40)));
        }
    }

    /** The options in random order, an option's value kept right after it. */
    private static List<String> shuffledPairs(Random r, List<String> opts) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < opts.size(); i++) {
            String o = opts.get(i);
            boolean takesValue = o.startsWith("--") && !o.contains("=") && i + 1 < opts.size()
                    && !List.of("--zero-shot", "--json", "--mermaid", "--dot", "--verbose").contains(o)
                    && !opts.get(i + 1).startsWith("--");
            groups.add(takesValue ? List.of(o, opts.get(++i)) : List.of(o));
        }
        java.util.Collections.shuffle(groups, r);
        List<String> out = new ArrayList<>();
        groups.forEach(out::addAll);
        return out;
    }

    private static String anyInt(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> String.valueOf(r.nextInt());
            case 1 -> String.valueOf(r.nextLong());
            case 2 -> "1e3";
            case 3 -> "";
            case 4 -> RandomText.of(r, 12);
            default -> String.valueOf(r.nextInt(10) - 2);
        };
    }

    private static String anyDouble(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> String.valueOf(r.nextGaussian());
            case 1 -> new String[] {"NaN", "Infinity", "-Infinity", "1e-400", "0x1p-3", "1,5"}[r.nextInt(6)];
            case 2 -> RandomText.of(r, 12);
            default -> String.valueOf(r.nextDouble());
        };
    }

    static String topic(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> NAMES[r.nextInt(NAMES.length)];
            case 1, 2 -> INJECTION[r.nextInt(INJECTION.length)] + (r.nextBoolean() ? "" : NAMES[r.nextInt(NAMES.length)]);
            case 3 -> RandomText.of(r, 60);
            default -> "x".repeat(r.nextInt(9_000));
        };
    }

    static String question(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new String[] {"", " ", "\t\n", "\u3000"}[r.nextInt(4)];
            case 1, 2 -> {
                StringBuilder q = new StringBuilder();
                int parts = 1 + r.nextInt(4);
                for (int i = 0; i < parts; i++) {
                    q.append(r.nextBoolean() ? INJECTION[r.nextInt(INJECTION.length)] : NAMES[r.nextInt(NAMES.length)]).append(' ');
                }
                yield q.toString();
            }
            case 3 -> String.format(QUESTIONS[r.nextInt(QUESTIONS.length)], NAMES[r.nextInt(NAMES.length)]
                    + (r.nextBoolean() ? "" : INJECTION[r.nextInt(INJECTION.length)]));
            case 4 -> "Who directed The Glass Orchard? ".repeat(1 + r.nextInt(600));
            case 5 -> "哪位导演拍了玻璃果园？" + RandomText.of(r, 20);
            default -> RandomText.of(r, 300);
        };
    }
}
