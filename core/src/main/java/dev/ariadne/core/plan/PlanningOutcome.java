package dev.ariadne.core.plan;

import java.util.List;

/** What planning one request gave: the plans to run, and the proposals that were dropped (none for a scoring planner). */
public record PlanningOutcome(List<Plan> plans, List<DroppedProposal> dropped) {
    public PlanningOutcome {
        plans = List.copyOf(plans);
        dropped = List.copyOf(dropped);
    }
}
