package dev.ariadne.engine.cli;

import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.core.graph.Triple;
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

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "6", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--hops", paramLabel = "N", defaultValue = "3", description = "Longest relation path (default: ${DEFAULT-VALUE}).")
    private int hops;

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.1",
            description = "Share of questions held out to calibrate and report accuracy (default: ${DEFAULT-VALUE}).")
    private double validation;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path target = out != null ? out : graph.isBolt() ? null : graph.folder().resolve(Quickstart.MODEL_FILE_NAME);
        if (target == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "with --uri, say where to write the planner: --out FILE");
        }
        List<QaFile.QaLine> lines = QaFile.read(qaFile);
        TrainingOptions options = TrainingOptions.builder().seed(seed).epochs(epochs).maxHops(hops)
                .validationFraction(validation).build();
        long t0 = System.nanoTime();
        try (Neo4jKnowledgeGraph g = CliGraphs.open(graph); TextEncoder encoder = TextEncoders.defaultEncoder()) {
            List<Triple> triples = g.triples();
            o.printf(Locale.ROOT, "read %,d triples from %s; training on %,d questions from %s%n", triples.size(),
                    g.describe(), lines.size(), qaFile);
            o.flush();
            PlannerTraining.Outcome r = PlannerTraining.train(lines, qaFile.toString(), triples, g.entities(), encoder, options);
            r.planner().save(target);
            PlannerManifest m = r.planner().manifest();
            for (String s : r.skipped().subList(0, Math.min(5, r.skipped().size()))) {
                o.println("skipped " + s);
            }
            if (r.skipped().size() > 5) {
                o.println("... and " + (r.skipped().size() - 5) + " more skipped lines");
            }
            o.printf(Locale.ROOT, "trained on %,d questions in %.1f s%s%n", r.examples(), (System.nanoTime() - t0) / 1e9,
                    m.validation() == null ? "" : String.format(Locale.ROOT, "; held-out path accuracy %.2f%% (%d questions)",
                            100 * m.validation().pathAccuracy(), m.validation().examples()));
            o.println("planner written to " + target.toAbsolutePath().normalize());
            o.flush();
        }
        return 0;
    }
}
