package dev.ariadne.engine.cli;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.AriadneBuilder;
import dev.ariadne.engine.trace.DiagramRenderer;
import dev.ariadne.engine.trace.TraceHtml;
import dev.ariadne.engine.trace.TraceJson;
import dev.ariadne.engine.trace.TraceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ariadne ask "question"}: the answer and how it was found. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question from the graph and show the trace: topics, plans, queries, paths, answers.",
            "Mark the topic as [name] or just write it; --topic names it explicitly (repeat for several)."})
final class AskCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Mixin
    private EngineOptions engine;

    @Mixin
    private GenerateOptions generate;

    @Option(names = "--topic", paramLabel = "KEY", description = "A topic entity key or name; repeat for several topics.")
    private List<String> topics = new ArrayList<>();

    private int maxTopics;

    @Option(names = "--max-topics", paramLabel = "N", defaultValue = "1",
            description = "Topics to link in a question without brackets, >= 1 (default: ${DEFAULT-VALUE}).")
    private void maxTopics(int n) {
        maxTopics = OptionRanges.atLeast(spec, "--max-topics", n, 1);
    }

    @Option(names = "--json", description = "Print the answer and its trace as JSON (schema: docs/trace-schema.md).")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page of the trace.")
    private Path html;

    @Option(names = "--mermaid", description = "Also print the supporting subgraph as Mermaid.")
    private boolean mermaid;

    @Option(names = "--dot", description = "Also print the supporting subgraph as Graphviz DOT.")
    private boolean dot;

    @Parameters(paramLabel = "QUESTION", arity = "0..1",
            description = "The question, in quotes. Without it, in a terminal, a prompt answers one question per line in one JVM.")
    private String question;

    /** Whether standard input is a person at a terminal; tests replace it. */
    static java.util.function.BooleanSupplier interactive = () -> System.console() != null;
    /** Where the prompt reads questions; tests replace it. */
    static java.util.function.Supplier<java.io.BufferedReader> input = () -> new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean prompt = question == null;
        if (prompt && !interactive.getAsBoolean()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'QUESTION' (the prompt needs a terminal; pass the question in quotes)");
        }
        if (!prompt) {
            InputChecks.requireText(spec, "the question", question);
        }
        for (String t : topics) {
            InputChecks.requireText(spec, "a --topic", t);
        }
        if (html != null) {
            InputChecks.requireWritableTarget(spec, "--html", html);
        }
        AriadneBuilder b = Ariadne.builder().limits(engine.limits()).maxTopics(maxTopics);
        dev.ariadne.core.generate.AnswerGenerator generator = generate.generator();
        if (generator != null) {
            b.generator(generator);
        }
        Path model = engine.modelFile(graph);
        if (model == null) {
            b.zeroShot();
        } else {
            b.plannerModel(model);
        }
        CliGraphs.requireEmbeddedFolder(graph);
        try (Ariadne ariadne = b.graph(CliGraphs.open(graph), true).build()) {
            if (prompt) {
                new AskPrompt(ariadne, topics, input.get(), out, spec.commandLine().getErr(), this::print).run();
                return 0;
            }
            print(topics.isEmpty() ? ariadne.ask(question) : ariadne.ask(question, topics), out);
            return 0;
        }
    }

    /** Prints one answer in the chosen forms (text or JSON, diagrams, HTML page). */
    private void print(Answer a, PrintWriter out) {
        if (json) {
            out.println(TraceJson.write(a));
        } else {
            out.print(TraceText.render(a));
        }
        if (mermaid) {
            out.println();
            out.print(DiagramRenderer.mermaid(a.trace()));
        }
        if (dot) {
            out.println();
            out.print(DiagramRenderer.dot(a.trace()));
        }
        if (html != null) {
            try {
                Path parent = html.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(html, TraceHtml.render(a), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot write " + html + ": " + e.getMessage(), e);
            }
            if (!json) {
                out.println("Trace page written to " + TerminalText.escape(html.toAbsolutePath().normalize().toString()));
            }
        }
        out.flush();
    }
}
