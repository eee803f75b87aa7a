package dev.ariadne.engine.cli;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.generate.QuestionRewriters;
import dev.ariadne.core.generate.RewriteOptions;
import dev.ariadne.models.training.synthetic.PhraseBook;
import dev.ariadne.models.training.synthetic.SyntheticOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of {@code ariadne train --from-graph}: how many questions, whose phrases, and an optional LLM rewording. */
final class GraphTrainingOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--from-graph", description = {"Train from the graph itself: sample relation paths, write questions about them "
        + "(a grammar over the relation names), and train on those. With QA_FILE, its labelled questions are mixed in."})
    boolean fromGraph;

    int pathsPerLength = SyntheticOptions.DEFAULT_PATHS_PER_LENGTH;
    int questionsPerPath = 3;
    int labelledWeight = dev.ariadne.engine.train.GraphTraining.AUTO_WEIGHT;
    int llmMaxCalls = 200;

    @Option(names = "--paths-per-length", paramLabel = "N",
            description = "Sampled paths of each length 1..--hops, 1..1000000 (default: " + SyntheticOptions.DEFAULT_PATHS_PER_LENGTH + ").")
    private void pathsPerLength(int n) {
        pathsPerLength = OptionRanges.within(spec, "--paths-per-length", n, 1, SyntheticOptions.MAX_PATHS_PER_LENGTH);
    }

    @Option(names = "--questions-per-path", paramLabel = "N", description = "Questions written per sampled path, 1..20 (default: 3).")
    private void questionsPerPath(int n) {
        questionsPerPath = OptionRanges.within(spec, "--questions-per-path", n, 1, 20);
    }

    @Option(names = "--labelled-weight", paramLabel = "N",
            description = "With --from-graph and QA_FILE: each labelled question counts N times, 1..1000 (default: enough for "
                    + "the labelled questions to be about a tenth of the training set).")
    private void labelledWeight(int n) {
        labelledWeight = OptionRanges.within(spec, "--labelled-weight", n, 1, 1000);
    }

    @Option(names = "--phrases", paramLabel = "FILE",
            description = "Relation phrase file (JSON: relation -> forward/inverse phrases and questions) overriding the derived ones.")
    Path phrases;

    @Option(names = "--write-phrases", paramLabel = "FILE",
            description = "Write the relation phrases (derived, plus --phrases) to FILE for you to edit; without --from-graph, then stop.")
    Path writePhrases;

    @Option(names = "--write-questions", paramLabel = "FILE",
            description = "Where to write the synthetic questions as JSON lines (default: synthetic-questions.jsonl beside the planner).")
    Path writeQuestions;

    @Option(names = "--llm-rewrite", description = {"Also let a language model reword the grammar's questions (training time only).",
        "Endpoint from ARIADNE_LLM_BASE_URL, ARIADNE_LLM_MODEL and ARIADNE_LLM_API_KEY; answers cached in --llm-cache."})
    boolean llmRewrite;

    @Option(names = "--llm-max-calls", paramLabel = "N", description = "Budget of model calls for --llm-rewrite, 0..100000 (default: 200).")
    private void llmMaxCalls(int n) {
        llmMaxCalls = OptionRanges.within(spec, "--llm-max-calls", n, 0, 100_000);
    }

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "Cache of the model's answers (default: llm-cache beside the planner).")
    Path llmCache;

    SyntheticOptions synthetic(int hops, long seed, java.util.List<String> classNouns) {
        return SyntheticOptions.builder().maxHops(hops).pathsPerLength(pathsPerLength).questionsPerPath(questionsPerPath)
                .seed(seed).classNouns(classNouns).build();
    }

    PhraseBook phraseBook(Collection<String> types, java.util.Set<String> attributes) {
        return PhraseBook.of(phrases, types, attributes);
    }

    /**
     * The endpoint --llm-rewrite will call, or null without it; checked while the command line is read (exit 2,
     * before any database opens) so a missing variable costs nothing.
     */
    LlmEndpoint endpoint() {
        if (!llmRewrite) {
            return null;
        }
        try {
            return LlmEndpoint.fromEnvironment(GenerateOptions.environment);
        } catch (dev.ariadne.core.error.InvalidInputException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--llm-rewrite: " + e.getMessage(), e);
        }
    }

    /** The rewriter for {@code endpoint}, or null when it is null. */
    QuestionRewriter rewriter(LlmEndpoint endpoint, Path plannerFile, PrintStream progress) {
        if (endpoint == null) {
            return null;
        }
        Path cache = llmCache != null ? llmCache : plannerFile.toAbsolutePath().resolveSibling("llm-cache");
        return QuestionRewriters.forEndpoint(endpoint, new RewriteOptions(cache, llmMaxCalls, 10, 2, progress));
    }

    /** Where the synthetic questions go. */
    Path questionsFile(Path plannerFile) {
        return writeQuestions != null ? writeQuestions : plannerFile.toAbsolutePath().resolveSibling("synthetic-questions.jsonl");
    }
}
