package dev.ariadne.engine.train;

import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.engine.link.Linking;
import dev.ariadne.engine.link.NameIndex;
import dev.ariadne.engine.link.TopicLinker;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits a planner to a graph from question-answer lines: each question's topic is linked (its
 * {@code [bracketed]} mention, else by name), its answers resolved to entity keys, and the trainer runs
 * against an in-memory copy of the graph's triples (the same path semantics as Neo4j, without a
 * transaction per candidate path).
 */
public final class PlannerTraining {
    /** What training made, and what was left out of it. */
    public record Outcome(TrainedPlanner planner, int examples, List<String> skipped) {
    }

    private PlannerTraining() {
    }

    public static Outcome train(List<QaFile.QaLine> lines, String source, List<Triple> triples, Iterable<Entity> entities,
                                TextEncoder encoder, TrainingOptions options) {
        NameIndex index = NameIndex.build(entities);
        TopicLinker linker = new TopicLinker(index, null, 1);
        List<TrainingExample> examples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (QaFile.QaLine line : lines) {
            Linking linking;
            try {
                linking = linker.link(line.question());
            } catch (AriadneException e) {
                skipped.add(source + " line " + line.lineNumber() + ": " + e.getMessage());
                continue;
            }
            TopicLink topic = linking.topics().get(0);
            Set<String> answers = new LinkedHashSet<>();
            for (String a : line.answers()) {
                Entity e = index.byKey(a);
                answers.add(e != null ? e.key() : a);
            }
            examples.add(new TrainingExample(line.question(), topic.entity(), topic.mention(), answers, line.goldPath()));
        }
        if (examples.isEmpty()) {
            throw new InvalidInputException(source + ": no question could be linked to the graph; first problem: "
                    + (skipped.isEmpty() ? "none" : skipped.get(0)));
        }
        InMemoryGraph copy = InMemoryGraph.of(triples);
        TrainedPlanner planner = PlannerTrainer.train(examples, copy, copy, encoder, options);
        return new Outcome(planner, examples.size(), skipped);
    }
}
