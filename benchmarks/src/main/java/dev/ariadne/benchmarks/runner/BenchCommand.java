package dev.ariadne.benchmarks.runner;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.benchmarks.dataset.MetaQaDataset;
import dev.ariadne.benchmarks.dataset.SplitName;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.InvalidInputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ariadne bench}: scores Ariadne on a KGQA benchmark and writes report.json, report.md,
 * predictions.jsonl and PNG charts. Exit code 0 on a completed run, 2 on bad input; the last line on
 * standard output is the path of report.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score Ariadne on a KGQA benchmark (MetaQA, PathQuestion, WorldCup2014, or your own JSON lines).",
                "Example: ariadne bench --dataset metaqa --data ../shared/datasets/metaqa --train dev-train "
                        + "--eval dev-holdout --out target/bench"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "KIND",
            description = "metaqa, pathquestion, worldcup or jsonl")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "MetaQA-layout folder: kb.txt and {h}-hop/qa_<split>.txt (+ optional qa_<split>_qtype.txt)")
    Path data;

    @Option(names = "--kb", paramLabel = "FILE", description = "knowledge base (IRN / JSON lines): s<TAB>r<TAB>o, or s|r|o")
    Path kb;

    @Option(names = "--questions", paramLabel = "FILE", arity = "1..*", description = "question file(s) (IRN / JSON lines)")
    List<Path> questions = new ArrayList<>();

    @Option(names = "--train", paramLabel = "SPLIT",
            description = {"split to train the planner on: dev-train (80%% of dev), dev, or any qa_<SPLIT>.txt;",
                "graph: questions written from the KB alone (no labelled question read); graph+SPLIT: both mixed"})
    String train;

    @Option(names = "--train-sample", defaultValue = "0", paramLabel = "N",
            description = "train on at most N questions per hop of the training split, drawn with --seed (default: all)")
    int trainSample;

    @Option(names = "--labelled-weight", defaultValue = "0", paramLabel = "N",
            description = "with --train graph+SPLIT: each labelled question counts N times (default 0: about a tenth of the training set)")
    int labelledWeight;

    @Option(names = "--paths-per-length", defaultValue = "4000", paramLabel = "N",
            description = "with --train graph: sampled paths of each length (default: ${DEFAULT-VALUE})")
    int pathsPerLength;

    @Option(names = "--phrases", paramLabel = "FILE",
            description = "with --train graph: a relation phrase file (docs/training-from-graph.md) overriding the derived phrases")
    Path phrases;

    @Option(names = "--plain-questions", description = "ask the questions without their [topic] brackets: the topic is linked from the text")
    boolean plainQuestions;

    @Option(names = "--model", paramLabel = "FILE", description = "a trained planner to evaluate instead of training")
    Path model;

    @Option(names = "--planner", paramLabel = "KIND", defaultValue = "trained",
            description = {"trained (default: train with --train or load --model) or llm: a language model plans, every proposed path "
                + "checked against the graph and repaired or dropped.",
                "llm reads ARIADNE_LLM_BASE_URL, ARIADNE_LLM_MODEL and ARIADNE_LLM_API_KEY (docs/generation.md)."})
    String planner;

    /** The environment; tests replace it. */
    static java.util.function.Function<String, String> environment = System::getenv;

    @Option(names = "--eval", paramLabel = "SPLIT", defaultValue = "dev-holdout",
            description = "split to evaluate: dev-holdout (20%% of dev), test, ... (default: ${DEFAULT-VALUE})")
    String eval;

    @Option(names = "--hops", split = ",", paramLabel = "H", description = "hops to evaluate, e.g. 1,2,3 (default: all)")
    List<Integer> hops = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "1", description = "questions answered at once (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--sample", defaultValue = "0", paramLabel = "N",
            description = "evaluate at most N questions per hop, drawn with --seed (default: all)")
    int sample;

    @Option(names = "--seed", defaultValue = "42", description = "the one seed for everything random (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--warmup", defaultValue = "100", paramLabel = "N",
            description = "questions answered before timing starts, from the training split (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--given-topics", description = "pass the dataset's topic entities instead of linking them from the text")
    boolean givenTopics;

    @Option(names = "--out", defaultValue = "target/bench", paramLabel = "DIR", description = "report folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--db", paramLabel = "DIR",
            description = "embedded database folder, reused when it holds the same KB (default: <out>/db)")
    Path db;

    @Option(names = "--existing-graph", description = "score over the database in --db as it is (nothing is loaded; "
            + "the dataset's KB is not read into it), through --mapping FILE or the mapping detected from it; answers "
            + "are matched with the gold answers by display name")
    boolean existingGraph;

    @Option(names = "--mapping", paramLabel = "FILE", description = "with --existing-graph: the graph mapping "
            + "('ariadne inspect --write FILE' proposes one)")
    Path mapping;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private final Supplier<EngineSession> sessions;
    private final PrintStream stdout;
    private final PrintStream stderr;

    /** The command over Ariadne's public API, writing to the standard streams. */
    public BenchCommand() {
        this(AriadneSession::new, System.out, System.err);
    }

    /** The command over another engine session (tests use a fake). */
    public BenchCommand(Supplier<EngineSession> sessions, PrintStream stdout, PrintStream stderr) {
        this.sessions = sessions;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs {@code ariadne bench ARGS} and returns the exit code. */
    public static int execute(BenchCommand command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new java.io.PrintWriter(command.stdout, true));
        cl.setErr(new java.io.PrintWriter(command.stderr, true));
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(new BenchCommand(), args));
    }

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        BenchConfig config;
        try {
            config = config();
        } catch (InvalidInputException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        }
        try (EngineSession engine = sessions.get()) {
            BenchmarkRun.Outcome outcome = new BenchmarkRun(config, stderr).run(engine);
            stdout.println(outcome.reportMarkdown().toAbsolutePath().normalize());
            return 0;
        } catch (InvalidInputException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        } catch (AriadneException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        }
    }

    private List<String> originalArgs() {
        if (spec == null || spec.commandLine().getParseResult() == null) {
            return List.of();
        }
        return spec.commandLine().getParseResult().originalArgs();
    }

    BenchConfig config() {
        if (mapping != null && !existingGraph) {
            throw new InvalidInputException("--mapping reads an existing graph: add --existing-graph (and --db DIR)");
        }
        if (existingGraph && db == null) {
            throw new InvalidInputException("--existing-graph needs --db DIR, the database to score over");
        }
        DatasetKind kind = DatasetKind.fromOption(dataset);
        BenchmarkData benchmarkData;
        if (kind == DatasetKind.METAQA) {
            if (data == null) {
                throw new InvalidInputException("--dataset metaqa needs --data DIR (a folder laid out like "
                        + "../shared/datasets/metaqa)");
            }
            if (kb != null || !questions.isEmpty()) {
                throw new InvalidInputException("--dataset metaqa reads kb.txt and the question files from --data; "
                        + "drop --kb / --questions");
            }
            benchmarkData = new MetaQaData(new MetaQaDataset(data));
        } else {
            if (data != null) {
                throw new InvalidInputException("--dataset " + kind + " takes --kb FILE --questions FILE..., not --data");
            }
            if (kb == null && !existingGraph) {
                throw new InvalidInputException("--dataset " + kind + " needs --kb FILE (or --existing-graph --db DIR to "
                        + "score over a database as it is)");
            }
            benchmarkData = new QuestionFilesData(kind, kb, questions);
        }
        Optional<LlmEndpoint> llm;
        switch (planner) {
            case "trained" -> llm = Optional.empty();
            case "llm" -> {
                if (train != null || model != null) {
                    throw new InvalidInputException("--planner llm plans with the language model: drop --train / --model");
                }
                llm = Optional.of(LlmEndpoint.fromEnvironment(environment));
            }
            default -> throw new InvalidInputException("--planner must be trained or llm, got '" + planner + "'");
        }
        if (train != null && model != null) {
            throw new InvalidInputException("choose one of --train SPLIT or --model FILE, not both");
        }
        boolean fromGraph = train != null && (train.equals("graph") || train.startsWith("graph+"));
        String labelled = fromGraph ? (train.equals("graph") ? null : train.substring("graph+".length())) : train;
        Optional<SplitName> trainSplit = fromGraph ? Optional.ofNullable(labelled).map(SplitName::of)
                : model == null && llm.isEmpty() ? Optional.of(SplitName.of(train == null ? SplitName.DEV_TRAIN : train)) : Optional.empty();
        if (model != null && !java.nio.file.Files.isRegularFile(model)) {
            throw new InvalidInputException("--model file not found: " + model);
        }
        Path dbDir = db != null ? db : out.resolve("db");
        return new BenchConfig(benchmarkData, trainSplit, Optional.ofNullable(model), SplitName.of(eval), hops,
                threads, sample, seed, warmup, givenTopics, out, dbDir, !noProgress,
                "ariadne bench " + String.join(" ", originalArgs()), llm,
                fromGraph ? Optional.of(new GraphSource(pathsPerLength, Optional.ofNullable(phrases), labelledWeight)) : Optional.empty(),
                plainQuestions, trainSample,
                existingGraph ? Optional.of(new ExistingGraph(Optional.ofNullable(mapping))) : Optional.empty());
    }
}
