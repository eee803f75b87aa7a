package dev.ariadne.engine.cli;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.engine.Limits;
import dev.ariadne.engine.quickstart.Quickstart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The planner and the limits of a question, shared by the commands that answer questions. */
final class EngineOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Trained planner file (default: planner.ariadne in the --db folder, as written by 'ariadne train' and 'ariadne quickstart').")
    Path model;

    @Option(names = "--zero-shot", description = "Plan without a trained planner (cosine similarity only; less accurate).")
    boolean zeroShot;

    @Option(names = "--plans", paramLabel = "N", defaultValue = "5", description = "Relation paths planned per topic (default: ${DEFAULT-VALUE}).")
    int plans;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "1000", description = "Entity-level paths kept per plan (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--hops", paramLabel = "N", defaultValue = "3", description = "Longest relation path (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "30000", description = "Time budget per question in milliseconds (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "" + Limits.CLI_MIN_CONFIDENCE,
            description = {"Abstain when the best plan's probability is below P, in 0..1 (default: ${DEFAULT-VALUE}; 0 never abstains).",
                "A question the planner cannot read (none of its words in the training questions) scores 0."})
    double minConfidence;

    Limits limits() {
        return Limits.builder().plansPerQuestion(plans).pathsPerPlan(paths).maxHops(hops).minConfidence(minConfidence)
                .questionTimeout(Duration.ofMillis(timeoutMs))
                .queryTimeout(Duration.ofMillis(Math.min(timeoutMs, Limits.DEFAULT.queryTimeout().toMillis()))).build();
    }

    /** The model file to use: --model, else the one in the embedded folder; null means zero-shot. */
    Path modelFile(GraphOptions graph) {
        if (zeroShot) {
            if (model != null) {
                throw new InvalidInputException("give either --model or --zero-shot, not both");
            }
            return null;
        }
        if (model != null) {
            return model;
        }
        if (!graph.isBolt()) {
            Path inFolder = graph.folder().resolve(Quickstart.MODEL_FILE_NAME);
            if (Files.isRegularFile(inFolder)) {
                return inFolder;
            }
            throw new InvalidInputException("no trained planner at " + inFolder
                    + ": run 'ariadne train QA_FILE' first, pass --model FILE, or use --zero-shot");
        }
        throw new InvalidInputException("with --uri, pass --model FILE (a planner from 'ariadne train') or --zero-shot");
    }
}
