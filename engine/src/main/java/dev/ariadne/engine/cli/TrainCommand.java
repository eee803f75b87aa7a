package dev.ariadne.engine.cli;

import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.engine.quickstart.Quickstart;
import dev.ariadne.engine.train.PlannerTraining;
import dev.ariadne.engine.train.QaFile;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.PlannerManifest;
import dev.ariadne.models.training.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ariadne train QA_FILE}: fits the planner to the loaded graph and writes the one-file model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the planner on question-answer pairs against the loaded graph, on the CPU.",
            "QA_FILE lines: 'question with [topic]<TAB>answer1|answer2', optionally '<TAB>gold relation path'.",
            "Without a gold path, the paths from the topic that reach the answers are used (weak supervision)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Parameters(paramLabel = "QA_FILE", arity = "1", description = "Training questions with their answers.")
    private Path qaFile;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the planner (default: planner.ariadne in the --db folder; required with --uri).")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    private int epochs;
    private int hops;
    private double validation;

    // Ranges are TrainingOptions' own, checked here so the message names the option and exits 2 before any work.
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "6", description = "Passes over the data, >= 1 (default: ${DEFAULT-VALUE}).")
    private void epochs(int n) {
        epochs = OptionRanges.atLeast(spec, "--epochs", n, 1);
    }

    @Option(names = "--hops", paramLabel = "N", defaultValue = "3", description = "Longest relation path, 1..8 (default: ${DEFAULT-VALUE}).")
    private void hops(int n) {
        hops = OptionRanges.within(spec, "--hops", n, 1, 8);
    }

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.1",
            description = "Share of questions held out to calibrate and report accuracy, 0..0.5 (default: ${DEFAULT-VALUE}).")
    private void validation(double f) {
        validation = OptionRanges.within(spec, "--validation", f, 0.0, 0.5);
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path target = out != null ? out : graph.isBolt() ? null : graph.folder().resolve(Quickstart.MODEL_FILE_NAME);
        if (target == null) {
            throw new ParameterException(spec.commandLine(), "with --uri, say where to write the planner: --out FILE");
        }
        InputChecks.requireReadableFile(spec, "QA_FILE", qaFile);
        if (out != null) {
            InputChecks.requireWritableTarget(spec, "--out", out);
        }
        List<QaFile.QaLine> lines = QaFile.read(qaFile);
        TrainingOptions options = TrainingOptions.builder().seed(seed).epochs(epochs).maxHops(hops)
                .validationFraction(validation).build();
        CliGraphs.requireEmbeddedFolder(graph);
        long t0 = System.nanoTime();
        try (Neo4jKnowledgeGraph g = CliGraphs.open(graph); TextEncoder encoder = TextEncoders.defaultEncoder()) {
            List<Triple> triples = g.triples();
            o.printf(Locale.ROOT, "read %,d triples from %s; training on %,d questions from %s%n", triples.size(),
                    TerminalText.escape(g.describe()), lines.size(), TerminalText.escape(qaFile.toString()));
            o.flush();
            PlannerTraining.Outcome r = PlannerTraining.train(lines, qaFile.toString(), triples, g.entities(), encoder, options);
            r.planner().save(target);
            PlannerManifest m = r.planner().manifest();
            list(o, "skipped", r.skipped(), "lines that could not be linked");
            if (!r.unreachable().isEmpty()) {
                o.printf(Locale.ROOT, "warning: %,d questions left out: no answer within %d hops of their topic%n",
                        r.unreachable().size(), hops);
                list(o, "left out", r.unreachable(), "questions left out");
            }
            o.printf(Locale.ROOT, "trained on %,d questions in %.1f s%s%n", r.examples(), (System.nanoTime() - t0) / 1e9,
                    heldOut(m.validation()));
            o.println("planner written to " + TerminalText.escape(target.toAbsolutePath().normalize().toString()));
            o.flush();
        }
        return 0;
    }

    private static void list(PrintWriter o, String what, List<String> items, String rest) {
        for (String s : items.subList(0, Math.min(5, items.size()))) {
            o.println(what + " " + TerminalText.escape(s));
        }
        if (items.size() > 5) {
            o.println("... and " + (items.size() - 5) + " more " + rest);
        }
    }

    /** The held-out accuracy; with no held-out question there is none to report (not NaN). */
    static String heldOut(PlannerManifest.ValidationMetrics v) {
        if (v == null) {
            return "";
        }
        if (v.examples() == 0 || Double.isNaN(v.pathAccuracy())) {
            return "; held-out path accuracy n/a (" + v.examples() + " held-out questions)";
        }
        return String.format(Locale.ROOT, "; held-out path accuracy %.2f%% (%d questions)", 100 * v.pathAccuracy(), v.examples());
    }
}
