package dev.ariadne.benchmarks.metrics;

import dev.ariadne.core.graph.RelationPath;
import java.util.Objects;

/**
 * One plan the engine chose, in rank order, and whether following it from its topic found any path in the
 * graph. A plan that finds none is invalid (RoG's LLM emits such plans when it invents relations).
 */
public record PlanOutcome(RelationPath path, boolean foundInGraph) {
    public PlanOutcome {
        Objects.requireNonNull(path, "path");
    }
}
