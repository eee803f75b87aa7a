package dev.ariadne.core.plan;

import dev.ariadne.core.graph.Entity;
import java.util.Objects;

/**
 * A path a proposing planner (a language model) suggested that the graph check could not repair, so nothing
 * was run for it: the trace keeps it beside the plans that ran, so every proposal is accounted for.
 *
 * @param topic    the topic it was proposed for
 * @param proposed the model's text, as it wrote it
 * @param reason   why it was dropped ("no relation like 'produced_in' from this topic")
 */
public record DroppedProposal(Entity topic, String proposed, String reason) {
    public DroppedProposal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(proposed, "proposed");
        reason = reason == null ? "" : reason;
    }
}
