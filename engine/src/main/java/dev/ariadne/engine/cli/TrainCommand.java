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
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.engine.train.GraphTraining;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.synthetic.GraphQuestions;
import dev.ariadne.models.training.synthetic.PhraseBook;
import dev.ariadne.models.training.synthetic.SyntheticQuestion;
import dev.ariadne.models.training.synthetic.SyntheticQuestionFile;
import java.util.ArrayList;
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
        description = {"Train the planner against the loaded graph, on the CPU: on question-answer pairs, on the graph alone "
            + "(--from-graph), or both.",
            "QA_FILE lines: 'question with [topic]<TAB>answer1|answer2', optionally '<TAB>gold relation path'; or a .jsonl file of "
            + "questions as --from-graph writes them (edited or not).",
            "Without a gold path, the paths from the topic that reach the answers are used (weak supervision)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Parameters(paramLabel = "QA_FILE", arity = "0..1", description = "Training questions with their answers (optional with --from-graph).")
    private Path qaFile;

    @Mixin
    private GraphTrainingOptions fromGraph;

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
        boolean graphOnly = fromGraph.fromGraph || fromGraph.writePhrases != null;
        if (qaFile == null && !graphOnly) {
            throw new ParameterException(spec.commandLine(), "give QA_FILE (labelled questions), --from-graph, or both");
        }
        if (qaFile != null) {
            InputChecks.requireReadableFile(spec, "QA_FILE", qaFile);
        }
        if (fromGraph.phrases != null) {
            InputChecks.requireReadableFile(spec, "--phrases", fromGraph.phrases);
        }
        if (out != null) {
            InputChecks.requireWritableTarget(spec, "--out", out);
        }
        dev.ariadne.core.generate.LlmEndpoint endpoint = fromGraph.endpoint();
        if (endpoint != null && !fromGraph.fromGraph) {
            throw new ParameterException(spec.commandLine(), "--llm-rewrite rewords the questions of --from-graph: add --from-graph");
        }
        boolean synthFile = qaFile != null && qaFile.getFileName().toString().endsWith(".jsonl");
        List<QaFile.QaLine> lines = qaFile == null || synthFile ? List.of() : QaFile.read(qaFile);
        List<SyntheticQuestion> edited = synthFile ? SyntheticQuestionFile.read(qaFile) : List.of();
        TrainingOptions options = TrainingOptions.builder().seed(seed).epochs(epochs).maxHops(hops)
                .validationFraction(validation).build();
        CliGraphs.requireEmbeddedFolder(graph);
        long t0 = System.nanoTime();
        try (Neo4jKnowledgeGraph g = CliGraphs.open(graph)) {
            List<Triple> triples = g.triples();
            InMemoryGraph copy = InMemoryGraph.of(triples);
            if (fromGraph.writePhrases != null) {
                PhraseBook book = fromGraph.phraseBook(copy.relationCounts().keySet(), g.mapping().attributeRelations());
                book.write(fromGraph.writePhrases);
                o.printf(Locale.ROOT, "wrote the phrases of %d relation types to %s: edit them and train with --phrases%n",
                        book.all().size(), TerminalText.escape(fromGraph.writePhrases.toAbsolutePath().normalize().toString()));
                if (!fromGraph.fromGraph) {
                    return 0;
                }
            }
            try (TextEncoder encoder = TextEncoders.defaultEncoder()) {
                if (fromGraph.fromGraph) {
                    trainFromGraph(o, g, triples, copy, lines, edited, encoder, options, target, endpoint);
                } else {
                    trainOnFile(o, g, triples, copy, synthFile ? edited : null, lines, encoder, options, target, t0);
                }
            }
            o.println("planner written to " + TerminalText.escape(target.toAbsolutePath().normalize().toString()));
            o.flush();
        }
        return 0;
    }

    /** Trains on QA_FILE alone: the questions of an edited .jsonl file ({@code edited}), else its labelled lines. */
    private void trainOnFile(PrintWriter o, Neo4jKnowledgeGraph g, List<Triple> triples, InMemoryGraph copy,
                             List<SyntheticQuestion> edited, List<QaFile.QaLine> lines, TextEncoder encoder, TrainingOptions options,
                             Path target, long t0) {
        o.printf(Locale.ROOT, "read %,d triples from %s; training on %,d questions from %s%n", triples.size(),
                TerminalText.escape(g.describe()), edited != null ? edited.size() : lines.size(), TerminalText.escape(qaFile.toString()));
        o.flush();
        TrainedPlanner planner;
        int examples;
        if (edited != null) {
            List<TrainingExample> all = SyntheticQuestion.toTrainingExamples(edited);
            planner = PlannerTrainer.train(all, copy, copy, encoder, options, new TrainingProgressLine(System.err));
            examples = all.size();
        } else {
            PlannerTraining.Outcome r = PlannerTraining.train(lines, qaFile.toString(), triples, g.entities(), encoder, options);
            reportLeftOut(o, r.skipped(), r.unreachable());
            planner = r.planner();
            examples = r.examples();
        }
        planner.save(target);
        o.printf(Locale.ROOT, "trained on %,d questions in %.1f s%s%n", examples, (System.nanoTime() - t0) / 1e9,
                heldOut(planner.manifest().validation()));
    }

    private void trainFromGraph(PrintWriter o, Neo4jKnowledgeGraph g, List<Triple> triples, InMemoryGraph copy,
                                List<QaFile.QaLine> lines, List<SyntheticQuestion> edited, TextEncoder encoder, TrainingOptions options, Path target,
                                dev.ariadne.core.generate.LlmEndpoint endpoint) {
        long t0 = System.nanoTime();
        PhraseBook book = fromGraph.phraseBook(copy.relationCounts().keySet(), g.mapping().attributeRelations());
        List<TrainingExample> labelled = new ArrayList<>(SyntheticQuestion.toTrainingExamples(edited));
        if (!lines.isEmpty()) {
            PlannerTraining.Linked linked = PlannerTraining.link(lines, qaFile.toString(), triples, copy, g.entities(), options);
            reportLeftOut(o, linked.skipped(), linked.unreachable());
            labelled.addAll(linked.examples());
        }
        o.printf(Locale.ROOT, "read %,d triples (%d relation types) from %s; writing questions from the graph%s%n", triples.size(),
                book.all().size(), TerminalText.escape(g.describe()),
                labelled.isEmpty() ? "" : String.format(Locale.ROOT, ", mixed with %,d labelled questions", labelled.size()));
        o.flush();
        GraphQuestions.Result questions;
        try (QuestionRewriter rewriter = fromGraph.rewriter(endpoint, target, System.err)) {
            questions = GraphTraining.questions(triples, copy, g.entities(), book, fromGraph.synthetic(hops, seed,
                    dev.ariadne.models.training.synthetic.ClassNouns.of(g.mapping())), rewriter);
        }
        Path file = fromGraph.questionsFile(target);
        SyntheticQuestionFile.write(file, questions.questions());
        o.printf(Locale.ROOT, "wrote %s in %.1f s to %s%n", GraphQuestions.summary(questions), (System.nanoTime() - t0) / 1e9,
                TerminalText.escape(file.toAbsolutePath().normalize().toString()));
        o.flush();
        int weight = GraphTraining.effectiveWeight(fromGraph.labelledWeight, questions.questions().size(), labelled.size());
        if (!labelled.isEmpty()) {
            o.printf(Locale.ROOT, "each of the %,d labelled questions counts %d times%s%n", labelled.size(), weight,
                    fromGraph.labelledWeight == GraphTraining.AUTO_WEIGHT ? " (--labelled-weight to change)" : "");
        }
        TrainedPlanner planner = GraphTraining.train(questions, labelled, weight, copy, encoder, options,
                new TrainingProgressLine(System.err));
        planner.save(target);
        o.printf(Locale.ROOT, "trained on %,d questions in %.1f s%s%n", planner.manifest().trainingExamples(), (System.nanoTime() - t0) / 1e9,
                heldOut(planner.manifest().validation()));
    }

    private static void reportLeftOut(PrintWriter o, List<String> skipped, List<String> unreachable) {
        list(o, "skipped", skipped, "lines that could not be linked");
        if (!unreachable.isEmpty()) {
            o.printf(Locale.ROOT, "warning: %,d questions left out: no answer within their hops of their topic%n", unreachable.size());
            list(o, "left out", unreachable, "questions left out");
        }
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
