package dev.ariadne.benchmarks.runner;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.benchmarks.dataset.SplitName;
import dev.ariadne.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark run's settings, checked as a whole.
 *
 * @param train the split to train on; empty when {@code model} is given
 * @param model a trained planner file to evaluate instead of training
 * @param hops the hops to evaluate (empty: the dataset's default)
 * @param sample at most this many evaluation questions per hop, drawn with {@code seed} (0: all)
 * @param warmup questions answered (from the training split when there is one) before timing starts
 * @param givenTopics pass the dataset's topic entities instead of linking them from the question text
 * @param llmPlanner the endpoint of a language model that plans instead of a trained planner ({@code --planner llm})
 * @param fromGraph train on questions written from the graph ({@code --train graph}), mixed with {@code train}'s
 *                  labelled questions when it is present ({@code --train graph+dev-train})
 * @param trainSample at most this many training questions per hop, drawn with {@code seed} (0: all)
 * @param plainQuestions evaluate the questions without their topic brackets, linking the topic from the text
 * @param existing score over the database in {@code db} as it is, loading nothing ({@code --existing-graph})
 */
public record BenchConfig(BenchmarkData data, Optional<SplitName> train, Optional<Path> model, SplitName eval,
                          List<Integer> hops, int threads, int sample, long seed, int warmup, boolean givenTopics,
                          Path out, Path db, boolean progress, String commandLine, Optional<LlmEndpoint> llmPlanner,
                          Optional<GraphSource> fromGraph, boolean plainQuestions, int trainSample,
                          Optional<ExistingGraph> existing) {
    /** A run with the trained planner (trained here or loaded from {@code model}). */
    public BenchConfig(BenchmarkData data, Optional<SplitName> train, Optional<Path> model, SplitName eval,
                       List<Integer> hops, int threads, int sample, long seed, int warmup, boolean givenTopics,
                       Path out, Path db, boolean progress, String commandLine) {
        this(data, train, model, eval, hops, threads, sample, seed, warmup, givenTopics, out, db, progress, commandLine,
                Optional.empty(), Optional.empty(), false, 0, Optional.empty());
    }

    public BenchConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(eval, "eval");
        hops = List.copyOf(hops);
        Objects.requireNonNull(llmPlanner, "llmPlanner");
        if (llmPlanner.isPresent() && (train.isPresent() || model.isPresent())) {
            throw new InvalidInputException("--planner llm plans with the language model: drop --train / --model");
        }
        Objects.requireNonNull(fromGraph, "fromGraph");
        if (fromGraph.isPresent() && (model.isPresent() || llmPlanner.isPresent())) {
            throw new InvalidInputException("--train graph trains a planner: drop --model / --planner llm");
        }
        if (llmPlanner.isEmpty() && fromGraph.isEmpty() && train.isPresent() == model.isPresent()) {
            throw new InvalidInputException("choose one of --train SPLIT (train a planner) or --model FILE "
                    + "(evaluate a trained planner)");
        }
        if (threads < 1 || threads > 256) {
            throw new InvalidInputException("--threads must be in 1..256: " + threads);
        }
        if (sample < 0) {
            throw new InvalidInputException("--sample must be >= 0 (0 = all questions): " + sample);
        }
        Objects.requireNonNull(existing, "existing");
        if (existing.isPresent() && !java.nio.file.Files.isDirectory(db)) {
            throw new InvalidInputException("--existing-graph scores the database in --db as it is, but there is none in " + db);
        }
        if (trainSample < 0) {
            throw new InvalidInputException("--train-sample must be >= 0 (0 = all questions): " + trainSample);
        }
        if (warmup < 0) {
            throw new InvalidInputException("--warmup must be >= 0: " + warmup);
        }
        for (int h : hops) {
            if (h < 1 || h > 10) {
                throw new InvalidInputException("--hops values must be in 1..10: " + h);
            }
        }
        if (train.isPresent() && train.get().name().equals(SplitName.DEV_HOLDOUT)) {
            throw new InvalidInputException("--train dev-holdout would train on the evaluation questions; "
                    + "train on dev-train (or dev) instead");
        }
    }

    /** Training and evaluating on one split is allowed (a smoke test on one's own data) but is not a score. */
    /** The training source as the report names it: "dev-train", "graph", "graph+dev-train", or "" for a loaded model. */
    public String trainingName() {
        String split = train.map(SplitName::name).orElse("");
        return fromGraph.isPresent() ? (split.isEmpty() ? "graph" : "graph+" + split) : split;
    }

    public boolean trainsOnEvaluation() {
        return train.isPresent() && train.get().equals(eval);
    }

    public List<Integer> effectiveHops() {
        return hops.isEmpty() ? data.defaultHops() : hops;
    }
}
