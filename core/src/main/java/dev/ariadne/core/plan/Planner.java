package dev.ariadne.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes relation paths for a question. Every returned plan must be non-empty in the graph, which
 * implementations guarantee by growing paths only along {@link GraphConstraint#nextRelations}.
 */
public interface Planner {
    /** The top-k plans for one request, best first, probabilities summing to at most 1. */
    List<Plan> plan(PlanningRequest request, GraphConstraint constraint);

    /** Plans many requests; implementations batch the encoder here for throughput. */
    default List<List<Plan>> planAll(List<PlanningRequest> requests, GraphConstraint constraint) {
        List<List<Plan>> out = new ArrayList<>(requests.size());
        for (PlanningRequest r : requests) {
            out.add(plan(r, constraint));
        }
        return out;
    }
}
