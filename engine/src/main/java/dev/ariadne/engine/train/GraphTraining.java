package dev.ariadne.engine.train;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import dev.ariadne.models.training.synthetic.GraphQuestions;
import dev.ariadne.models.training.synthetic.PhraseBook;
import dev.ariadne.models.training.synthetic.SyntheticQuestion;
import dev.ariadne.models.training.synthetic.SyntheticOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a planner from the graph itself ({@code ariadne train --from-graph}): questions written from
 * sampled paths ({@link GraphQuestions}), optionally mixed with labelled questions, each of which then
 * counts {@code labelledWeight} times (it is repeated: the trainer weighs every example alike).
 */
public final class GraphTraining {
    /** What was trained on: the synthetic questions (to write out for people to read) and the labelled ones used. */
    public record Outcome(TrainedPlanner planner, GraphQuestions.Result synthetic, int labelled, PlannerTraining.Outcome labelledOutcome) {
    }

    private GraphTraining() {
    }

    /** The synthetic questions alone, for {@code --write-questions} and for the trainer. */
    public static GraphQuestions.Result questions(List<Triple> triples, InMemoryGraph copy, Iterable<Entity> entities, PhraseBook phrases,
                                                  SyntheticOptions options, QuestionRewriter rewriter) {
        Map<String, Entity> byKey = new HashMap<>();
        for (Entity e : entities) {
            byKey.put(e.key(), e);
        }
        return questions(triples, copy, byKey::get, phrases, options, rewriter);
    }

    /** As above, with the entities (display names) given by key; null for a key known only by itself. */
    public static GraphQuestions.Result questions(List<Triple> triples, InMemoryGraph copy, java.util.function.Function<String, Entity> entities,
                                                  PhraseBook phrases, SyntheticOptions options, QuestionRewriter rewriter) {
        GraphQuestions.Result r = GraphQuestions.write(triples, copy, entities, phrases, options, rewriter);
        if (r.questions().isEmpty()) {
            throw new InvalidInputException("the graph has no relation path to write questions about (" + triples.size()
                    + " triples)");
        }
        return r;
    }

    /** {@link #train}'s weight meaning "choose for me". */
    public static final int AUTO_WEIGHT = 0;

    /**
     * The weight that makes the labelled questions about a tenth of the training set (at least 1): counted
     * once each, a hundred labelled questions are lost among tens of thousands of synthetic ones (on MetaQA,
     * 102 labelled at weight 1 scored below the same 102 alone; at weight 30, above them on 1-hop).
     */
    public static int autoWeight(int synthetic, int labelled) {
        if (labelled == 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(1000, Math.round(0.1 * synthetic / labelled)));
    }

    /** The weight {@link #train} uses: {@code requested}, or {@link #autoWeight} for {@link #AUTO_WEIGHT}. */
    public static int effectiveWeight(int requested, int synthetic, int labelled) {
        if (requested < 0) {
            throw new InvalidInputException("--labelled-weight must be >= 1 (or 0 for automatic), got " + requested);
        }
        return requested == AUTO_WEIGHT ? autoWeight(synthetic, labelled) : requested;
    }

    /**
     * @param labelled labelled examples to mix in (already linked and checked; empty for the graph alone)
     * @param labelledWeight how many times each labelled example counts, >= 1, or {@link #AUTO_WEIGHT}
     */
    public static TrainedPlanner train(GraphQuestions.Result synthetic, List<TrainingExample> labelled, int labelledWeight,
                                       InMemoryGraph copy, TextEncoder encoder, TrainingOptions options,
                                       dev.ariadne.models.training.TrainingProgress progress) {
        int weight = effectiveWeight(labelledWeight, synthetic.questions().size(), labelled.size());
        List<TrainingExample> examples = new ArrayList<>(SyntheticQuestion.toTrainingExamples(synthetic.questions()));
        for (int w = 0; w < weight; w++) {
            examples.addAll(labelled);
        }
        return PlannerTrainer.train(examples, copy, copy, encoder, options, progress);
    }
}
