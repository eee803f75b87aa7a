package dev.ariadne.core.retrieve;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import java.util.List;

/**
 * The entity-level paths found by following {@code path} from {@code topic}, in the retriever's
 * documented deterministic order. When limits cut the search, {@code truncated} is set and the counts
 * say what was cut, so a trace can say "showing 50 of 3,120 paths".
 *
 * @param pathsFound total paths that matched (exact unless the frontier was cut, then a lower bound)
 * @param frontierCut entities left unexpanded because a hop's frontier exceeded its cap
 */
public record RetrievalResult(Entity topic, RelationPath path, List<ReasoningPath> paths, long pathsFound,
                              long frontierCut, boolean truncated, ExecutedQuery query) {
    public RetrievalResult {
        paths = List.copyOf(paths);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
