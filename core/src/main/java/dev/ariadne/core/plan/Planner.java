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

    /**
     * How much of the request's question this planner can read, in [0, 1]: 1 when it cannot tell (the
     * default, and a zero-shot planner's), lower as fewer of the question's words occur in the questions it
     * was trained on. Plan probabilities already include it; callers use it to explain an abstention.
     */
    default double readability(PlanningRequest request) {
        return 1.0;
    }

    /** Plans many requests; implementations batch the encoder here for throughput. */
    default List<List<Plan>> planAll(List<PlanningRequest> requests, GraphConstraint constraint) {
        List<List<Plan>> out = new ArrayList<>(requests.size());
        for (PlanningRequest r : requests) {
            out.add(plan(r, constraint));
        }
        return out;
    }

    /**
     * {@link #planAll} with what each request's planning left out: a proposing planner reports the proposals
     * its graph check dropped, so the trace can show them; a scoring planner drops nothing (the default).
     */
    default List<PlanningOutcome> planAllOutcomes(List<PlanningRequest> requests, GraphConstraint constraint) {
        List<List<Plan>> plans = planAll(requests, constraint);
        List<PlanningOutcome> out = new ArrayList<>(plans.size());
        for (List<Plan> p : plans) {
            out.add(new PlanningOutcome(p, List.of()));
        }
        return out;
    }
}
