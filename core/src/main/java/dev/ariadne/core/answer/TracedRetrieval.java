package dev.ariadne.core.answer;

import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.retrieve.ExecutedQuery;
import java.util.List;
import java.util.Objects;

/**
 * One plan and what running it found: the exact query (text and parameters), the paths returned, how
 * many matched in total, how many frontier entities were cut, and whether the result was truncated.
 * {@code query} is null only when the retriever did not report one.
 */
public record TracedRetrieval(Plan plan, ExecutedQuery query, List<ReasoningPath> paths, long pathsFound,
                              long frontierCut, boolean truncated, long millis) {
    public TracedRetrieval {
        Objects.requireNonNull(plan, "plan");
        paths = List.copyOf(paths);
    }

    /** "showing 50 of 3,120 paths" when truncated, else "3 paths". */
    public String summary() {
        if (truncated) {
            return String.format(java.util.Locale.ROOT, "showing %,d of %,d%s paths", paths.size(), pathsFound,
                    frontierCut > 0 ? "+" : "");
        }
        return paths.size() + (paths.size() == 1 ? " path" : " paths");
    }
}
