package dev.ariadne.core.reason;

import dev.ariadne.core.graph.Entity;
import java.util.List;

/** Turns retrieved evidence into ranked answers, each backed by the paths that reach it. */
public interface Reasoner {
    /**
     * @param topics the question's topic entities (answers reached from all of them rank first)
     * @param evidence the retrieved paths of each plan
     * @return the chosen answers, best first, ties broken deterministically
     */
    List<ScoredAnswer> reason(List<Entity> topics, List<PlanEvidence> evidence);
}
