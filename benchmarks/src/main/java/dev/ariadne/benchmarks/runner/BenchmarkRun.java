package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.SplitName;
import dev.ariadne.benchmarks.metrics.Breakdown;
import dev.ariadne.benchmarks.metrics.PeakMemory;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.metrics.QuestionScore;
import dev.ariadne.benchmarks.metrics.TimingReport;
import dev.ariadne.benchmarks.report.BenchmarkReport;
import dev.ariadne.benchmarks.report.ChartFiles;
import dev.ariadne.benchmarks.report.DatasetInfo;
import dev.ariadne.benchmarks.report.GraphInfo;
import dev.ariadne.benchmarks.report.JsonReport;
import dev.ariadne.benchmarks.report.MarkdownReport;
import dev.ariadne.benchmarks.report.ModelInfo;
import dev.ariadne.benchmarks.report.PredictionsFile;
import dev.ariadne.benchmarks.report.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One benchmark run from start to report: read the data, open (or reuse) the graph, train or load the
 * planner, warm up, answer the evaluation questions, score them and write report.json, report.md,
 * predictions.jsonl and the charts into the output folder.
 */
public final class BenchmarkRun {
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String PREDICTIONS = "predictions.jsonl";
    public static final String TRAINED_MODEL = "planner.model";

    /** What a finished run produced: the report, the scores it came from, and where they were written. */
    public record Outcome(BenchmarkReport report, List<QuestionScore> scores, Path reportMarkdown, Path reportJson) {
    }

    private final BenchConfig config;
    private final PrintStream log;

    public BenchmarkRun(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    public Outcome run(EngineSession engine) {
        Instant started = Instant.now();
        RunInfo info = Provenance.collect(config.commandLine(), config.seed(), started);
        List<Integer> hops = config.effectiveHops();
        try {
            Files.createDirectories(config.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + config.out(), e);
        }

        if (config.trainsOnEvaluation()) {
            log.println("warning: training and evaluating on the same split '" + config.eval()
                    + "': the figures measure memorisation, not accuracy");
        }
        List<KgqaExample> evalAll = config.data().read(config.eval(), hops);
        List<KgqaExample> eval = sample(evalAll, config.sample(), config.seed());
        if (config.plainQuestions()) {
            eval = eval.stream().map(KgqaExample::plain).toList();
        }
        if (config.existing().isPresent()) {
            // the graph's relation names are its own: the dataset's gold paths would score every plan as wrong
            eval = eval.stream().map(KgqaExample::withoutGoldPaths).toList();
        }
        List<KgqaExample> train = sample(config.train().map(s -> config.data().read(s, hops)).orElse(List.of()),
                config.trainSample(), config.seed() + 1);
        log.printf("dataset %s: %d evaluation questions (%s%s), %d training questions%n", config.data().kind(),
                eval.size(), config.eval(), config.sample() > 0 ? ", sampled from " + evalAll.size() : "",
                train.size());

        Map<String, String> hashes = new TreeMap<>();
        String kbSha = config.data().kb() == null ? "none (existing graph)" : FileHashes.sha256(config.data().kb());
        if (config.data().kb() != null) {
            hashes.put(config.data().kb().toString(), kbSha);
        }
        List<SplitName> splits = new ArrayList<>();
        splits.add(config.eval());
        config.train().ifPresent(splits::add);
        for (SplitName s : splits) {
            for (Path f : config.data().questionFiles(s, hops)) {
                hashes.put(f.toString(), FileHashes.sha256(f));
            }
        }

        GraphInfo graph;
        if (config.existing().isPresent()) {
            graph = engine.openExisting(config.db(), config.existing().get().mapping());
            log.printf("graph: %d triples, the existing database %s as it is (answers matched by name)%n",
                    graph.triples(), config.db());
        } else {
            graph = engine.openGraph(config.db(), config.data().kb(), config.data().kbFormat(), kbSha,
                    config.data().kind());
            log.printf("graph: %d triples, %s%n", graph.triples(),
                    graph.reused() ? "database reused (kb sha256 matches)" : String.format("loaded in %.1f s", graph.loadSeconds()));
        }

        ModelInfo model;
        if (config.llmPlanner().isPresent()) {
            model = engine.useLlmPlanner(config.llmPlanner().get());
            log.printf("planner: language model %s at %s (proposals repaired against the graph)%n",
                    config.llmPlanner().get().model(), config.llmPlanner().get().baseUrl());
        } else if (config.model().isPresent()) {
            model = engine.loadPlanner(config.model().get());
            log.printf("planner loaded from %s%n", config.model().get());
        } else if (config.fromGraph().isPresent()) {
            model = engine.trainFromGraph(train, config.fromGraph().get(), config.out().resolve(TRAINED_MODEL), config.seed());
            log.printf("planner trained from the graph%s in %.1f s (%d questions)%n", train.isEmpty() ? " alone"
                    : " and " + train.size() + " labelled questions (weight " + (config.fromGraph().get().labelledWeight() == 0 ? "auto"
                    : String.valueOf(config.fromGraph().get().labelledWeight())) + ")", model.trainingSeconds(), model.trainingExamples());
        } else {
            if (train.isEmpty()) {
                throw new dev.ariadne.core.error.InvalidInputException("the training split '"
                        + config.train().get() + "' has no questions for hops " + hops);
            }
            model = engine.train(train, config.out().resolve(TRAINED_MODEL), config.seed());
            log.printf("planner trained on %d questions in %.1f s%n", train.size(), model.trainingSeconds());
        }

        List<KgqaExample> warm = warmupQuestions(train, eval, config.warmup(), config.seed());
        if (!warm.isEmpty()) {
            Evaluation.run(engine, warm, config.threads(), config.givenTopics(), null, "warm-up");
        }
        Evaluation.Result result = Evaluation.run(engine, eval, config.threads(), config.givenTopics(),
                config.progress() ? System.err : null, "eval " + config.eval());
        List<QuestionScore> scores = result.outcomes().stream().map(QuestionScore::of).toList();
        reportFailures(result.outcomes());

        BenchmarkReport report = new BenchmarkReport(info,
                new DatasetInfo(config.data().kind().option(), config.trainingName(),
                        config.eval().name(), hops, config.sample(), train.size(), eval.size(), new TreeMap<>(hashes)),
                graph, model, Breakdown.of(scores), TimingReport.of(scores, config.threads(), result.wallNanos()),
                PeakMemory.now());
        Path md = config.out().resolve(REPORT_MD);
        Path json = config.out().resolve(REPORT_JSON);
        try {
            JsonReport.write(report, json);
            MarkdownReport.write(report, md);
            PredictionsFile.write(result.outcomes(), config.out().resolve(PREDICTIONS));
            ChartFiles.write(report, scores, config.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + config.out(), e);
        }
        return new Outcome(report, scores, md, json);
    }

    /**
     * At most {@code perHop} questions of each hop count, drawn with {@code seed}, kept in dataset order so
     * the same seed always picks and orders the same questions.
     */
    static List<KgqaExample> sample(List<KgqaExample> all, int perHop, long seed) {
        if (perHop <= 0) {
            return all;
        }
        Map<Integer, List<Integer>> byHop = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byHop.computeIfAbsent(all.get(i).hops(), h -> new ArrayList<>()).add(i);
        }
        List<Integer> keep = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byHop.entrySet()) {
            List<Integer> idx = new ArrayList<>(e.getValue());
            Collections.shuffle(idx, new Random(seed * 31 + e.getKey()));
            keep.addAll(idx.subList(0, Math.min(perHop, idx.size())));
        }
        keep.sort(Comparator.naturalOrder());
        return keep.stream().map(all::get).toList();
    }

    private static List<KgqaExample> warmupQuestions(List<KgqaExample> train, List<KgqaExample> eval, int n,
                                                     long seed) {
        List<KgqaExample> pool = train.isEmpty() ? eval : train;
        if (n == 0 || pool.isEmpty()) {
            return List.of();
        }
        List<KgqaExample> copy = new ArrayList<>(pool);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private void reportFailures(List<QuestionOutcome> outcomes) {
        List<QuestionOutcome> failed = outcomes.stream().filter(o -> o.error().isPresent()).toList();
        if (failed.isEmpty()) {
            return;
        }
        log.printf("%d question(s) failed; the first ones:%n", failed.size());
        failed.stream().limit(5).forEach(o -> log.printf("  %s (%s): %s%n", o.example().id(),
                o.example().source(), o.error().get()));
    }
}
