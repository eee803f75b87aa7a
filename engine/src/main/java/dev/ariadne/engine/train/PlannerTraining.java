package dev.ariadne.engine.train;

import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
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
    /**
     * What training made, and what was left out of it: {@code skipped} lines whose topic could not be
     * linked, {@code unreachable} questions none of whose answers a path of at most maxHops reaches from
     * the topic (a planner cannot learn a path from them, and weak supervision would find none).
     */
    public record Outcome(TrainedPlanner planner, int examples, List<String> skipped, List<String> unreachable) {
        public Outcome {
            skipped = List.copyOf(skipped);
            unreachable = List.copyOf(unreachable);
        }
    }

    // The gold path check needs every end of the path, not the answering defaults' first thousand.
    private static final RetrievalLimits GOLD_CHECK = new RetrievalLimits(1_000_000, 1_000_000, Duration.ofSeconds(30), false);

    private PlannerTraining() {
    }

    public static Outcome train(List<QaFile.QaLine> lines, String source, List<Triple> triples, Iterable<Entity> entities,
                                TextEncoder encoder, TrainingOptions options) {
        InMemoryGraph copy = InMemoryGraph.of(triples);
        Linked linked = link(lines, source, triples, copy, entities, options);
        TrainedPlanner planner = PlannerTrainer.train(linked.examples(), copy, copy, encoder, options);
        return new Outcome(planner, linked.examples().size(), linked.skipped(), linked.unreachable());
    }

    /** The lines linked to the graph and checked: the usable examples, and why the others were left out. */
    public record Linked(List<TrainingExample> examples, List<String> skipped, List<String> unreachable) {
    }

    /** Links and checks {@code lines} without training; an error when none is usable. */
    public static Linked link(List<QaFile.QaLine> lines, String source, List<Triple> triples, InMemoryGraph copy,
                              Iterable<Entity> entities, TrainingOptions options) {
        NameIndex index = NameIndex.build(entities);
        TopicLinker linker = new TopicLinker(index, null, 1);
        List<TrainingExample> examples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        AnswerReachability reach = new AnswerReachability(triples);
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
            String problem = unreachableBecause(topic.entity(), answers, line.goldPath(), options.maxHops(), copy, reach);
            if (problem != null) {
                unreachable.add(source + " line " + line.lineNumber() + ": " + problem);
                continue;
            }
            examples.add(new TrainingExample(line.question(), topic.entity(), topic.mention(), answers, line.goldPath()));
        }
        if (examples.isEmpty()) {
            String first = !unreachable.isEmpty() ? unreachable.get(0) : skipped.isEmpty() ? "none" : skipped.get(0);
            throw new InvalidInputException(source + ": no usable question (" + skipped.size() + " could not be linked to the graph, "
                    + unreachable.size() + " have no answer within " + options.maxHops() + " hops of their topic); first problem: " + first);
        }
        return new Linked(examples, skipped, unreachable);
    }

    /** Why no path of the question can be learned, or null when one reaches an answer. */
    private static String unreachableBecause(Entity topic, Set<String> answers, RelationPath gold, int maxHops,
                                             InMemoryGraph graph, AnswerReachability reach) {
        if (gold == null) {
            return reach.reachable(topic.key(), answers, maxHops) ? null
                    : "no answer (" + String.join("|", answers) + ") within " + maxHops + " hops of topic '" + topic.key() + "'";
        }
        if (gold.length() > maxHops) {
            return "the gold path " + gold.format() + " is longer than --hops " + maxHops;
        }
        for (ReasoningPath p : graph.retrieve(topic, gold, GOLD_CHECK).paths()) {
            if (answers.contains(p.end().key())) {
                return null;
            }
        }
        return "the gold path " + gold.format() + " from topic '" + topic.key() + "' reaches none of its answers ("
                + String.join("|", answers) + ")";
    }
}
