package dev.ariadne.core.generate;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.List;

/**
 * The generating step that runs after the path reasoner: a language model reads the question and the
 * retrieved paths and writes the answer. Implementations must return only answers backed by retrieved
 * paths, and fall back to {@code pathAnswers} when the model fails; they must be thread-safe.
 */
public interface AnswerGenerator {
    /**
     * @param question    the question as asked
     * @param topics      the topic entities
     * @param evidence    every plan with what it retrieved
     * @param pathAnswers the path reasoner's answers (the fallback), best first
     */
    GeneratedAnswers generate(String question, List<Entity> topics, List<PlanEvidence> evidence, List<ScoredAnswer> pathAnswers);
}
