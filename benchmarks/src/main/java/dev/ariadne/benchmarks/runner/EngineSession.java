package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.report.GraphInfo;
import dev.ariadne.benchmarks.report.ModelInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * The seam between the runner and an engine: open a graph, get a planner (trained or loaded), answer
 * questions. {@link AriadneSession} implements it over Ariadne's public API; tests use a fake so the
 * runner's own logic is tested without models or a database. Calls come in the order
 * openGraph, train or loadPlanner, answer...; {@link #answer} must be thread-safe.
 */
public interface EngineSession extends AutoCloseable {
    /**
     * Opens the embedded database in {@code dbDir}, loading {@code kb} into it unless the marker stored
     * there says it already holds a KB with SHA-256 {@code kbSha256}.
     */
    GraphInfo openGraph(Path dbDir, Path kb, KbFormat format, String kbSha256, DatasetKind kind);

    /**
     * Opens the embedded database in {@code dbDir} as it is, loading nothing, read through the mapping in
     * {@code mappingFile} (else the one detected from it); answers then come back named as the graph names
     * them, and are matched with the gold answers by name.
     */
    default GraphInfo openExisting(Path dbDir, java.util.Optional<Path> mappingFile) {
        throw new dev.ariadne.core.error.InvalidInputException("this engine session cannot score an existing graph");
    }

    /** Trains a planner on {@code train} with {@code seed}, saves it to {@code modelFile}, and uses it. */
    ModelInfo train(List<KgqaExample> train, Path modelFile, long seed);

    /**
     * Trains a planner on questions written from the graph alone, mixed with {@code labelled} when it is not
     * empty (each counting {@code source.labelledWeight()} times), saves it to {@code modelFile}, and uses it.
     */
    default ModelInfo trainFromGraph(List<KgqaExample> labelled, GraphSource source, Path modelFile, long seed) {
        throw new dev.ariadne.core.error.InvalidInputException("this engine session cannot train from the graph");
    }

    /** Plans with a language model at {@code endpoint}, every proposal repaired against the graph (docs/generation.md). */
    default ModelInfo useLlmPlanner(dev.ariadne.core.generate.LlmEndpoint endpoint) {
        throw new dev.ariadne.core.error.InvalidInputException("this engine session cannot plan with a language model");
    }

    /** Uses the trained planner stored in {@code modelFile}. */
    ModelInfo loadPlanner(Path modelFile);

    /**
     * Answers one question and reports what happened. An engine failure on this question (no topic found,
     * a timeout) comes back as {@link QuestionOutcome#failed}; only a broken session throws.
     *
     * @param givenTopics pass the dataset's topic entities instead of linking them from the text
     */
    QuestionOutcome answer(KgqaExample example, boolean givenTopics);

    @Override
    void close();
}
