package dev.ariadne.core.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link QuestionRewriter} may spend its model: {@code cacheDir} holds answers keyed by prompt so a
 * rerun costs no call, {@code maxCalls} is the budget of model calls (cache hits are free),
 * {@code batchSize} the requests worded in one call, {@code variants} rewrites asked per request, and
 * {@code progress} where a progress bar goes (null: none).
 */
public record RewriteOptions(Path cacheDir, int maxCalls, int batchSize, int variants, PrintStream progress) {
    public RewriteOptions {
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (maxCalls < 0) {
            throw new InvalidInputException("--llm-max-calls must be >= 0, got " + maxCalls);
        }
        if (batchSize < 1 || batchSize > 100) {
            throw new InvalidInputException("the rewrite batch size must be 1..100, got " + batchSize);
        }
        if (variants < 1 || variants > 10) {
            throw new InvalidInputException("rewrites per question must be 1..10, got " + variants);
        }
    }
}
