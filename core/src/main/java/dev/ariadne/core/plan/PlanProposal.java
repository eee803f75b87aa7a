package dev.ariadne.core.plan;

import java.util.Objects;

/**
 * What a proposing planner (a language model) suggested for a plan, and what the graph check did with it:
 * the trace shows both the proposal and the path that was run.
 *
 * @param proposed the model's text for the path, as it wrote it
 * @param action   {@code VALID} (run as proposed) or {@code REPAIRED} (run as the plan's path); dropped
 *                 proposals never become plans
 * @param detail   what was repaired ("hop 2: ~directed_by for directed_by (wrong direction)"), empty when valid
 */
public record PlanProposal(String proposed, Action action, String detail) {
    public enum Action { VALID, REPAIRED, DROPPED }

    public PlanProposal {
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(action, "action");
        detail = detail == null ? "" : detail;
    }
}
