package dev.ariadne.core.reason;

import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.retrieve.RetrievalResult;

/** A plan and what retrieving it found. */
public record PlanEvidence(Plan plan, RetrievalResult retrieval) {
}
