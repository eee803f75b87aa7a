package dev.ariadne.engine;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.core.reason.Reasoner;
import dev.ariadne.engine.graph.KnowledgeGraph;
import dev.ariadne.engine.link.Linking;
import dev.ariadne.engine.link.NameIndex;
import dev.ariadne.engine.link.TopicLinker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Faithful multi-hop question answering over a knowledge graph: link the question's topic entities,
 * plan relation paths that exist from them, retrieve the entity-level paths, and answer from those
 * paths, with a {@link dev.ariadne.core.answer.Trace} for every answer.
 *
 * <pre>{@code
 * try (Ariadne ariadne = Ariadne.builder().embedded(Path.of("ariadne-data")).plannerModel(Path.of("planner.ariadne")).build()) {
 *     Answer a = ariadne.ask("what languages are the films directed by [Joel Zwick] in");
 *     System.out.println(a.sentence());
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves concurrent {@code ask} calls from any number of threads, and each
 * answer equals the one a serial call would give. Failures are typed ({@code dev.ariadne.core.error}):
 * no topic found, an ambiguous topic (with its candidates), graph unreachable, a timeout (with the
 * budget). No answer is not a failure: it is an {@link Answer} with an empty list and a reason.
 */
public final class Ariadne implements AutoCloseable {
    private final KnowledgeGraph graph;
    private final boolean ownsGraph;
    private final List<AutoCloseable> owned;
    private final Pipeline pipeline;
    private final TopicLinker linker;
    private final Planner planner;
    private final Limits limits;
    private final AtomicBoolean closed = new AtomicBoolean();

    Ariadne(KnowledgeGraph graph, boolean ownsGraph, List<AutoCloseable> owned, Planner planner, Reasoner reasoner,
            Limits limits, int maxTopics) {
        this(graph, ownsGraph, owned, planner, reasoner, limits, maxTopics, null);
    }

    Ariadne(KnowledgeGraph graph, boolean ownsGraph, List<AutoCloseable> owned, Planner planner, Reasoner reasoner,
            Limits limits, int maxTopics, dev.ariadne.core.generate.AnswerGenerator generator) {
        this.graph = graph;
        this.ownsGraph = ownsGraph;
        this.owned = List.copyOf(owned);
        this.planner = planner;
        this.limits = limits;
        this.linker = new TopicLinker(NameIndex.build(graph.entities()), graph.lookup().orElse(null), maxTopics);
        this.pipeline = new Pipeline(graph, linker, planner, reasoner, limits, generator);
    }

    public static AriadneBuilder builder() {
        return new AriadneBuilder();
    }

    /** Answers a question, finding its topic entities in the text ({@code [bracketed]} or by name). */
    public Answer ask(String question) {
        checkOpen();
        requireQuestion(question);
        return pipeline.answer(question, null);
    }

    /**
     * Answers a question about the given topic entities (keys, or names when no key matches). With
     * several topics, answers reached from all of them rank first.
     */
    public Answer ask(String question, List<String> topicEntities) {
        checkOpen();
        requireQuestion(question);
        Objects.requireNonNull(topicEntities, "topicEntities");
        return pipeline.answer(question, topicEntities);
    }

    /**
     * Answers many questions, planning them in one batch (the encoder runs batched, which is several
     * times faster per question than one at a time). Answers come back in input order; the first
     * question that fails (for example, no topic found) fails the call.
     */
    public List<Answer> askAll(List<String> questions) {
        checkOpen();
        Objects.requireNonNull(questions, "questions");
        List<String> copy = new ArrayList<>(questions);
        for (String q : copy) {
            requireQuestion(q);
        }
        return pipeline.answerAll(copy);
    }

    /** Only the linking stage: which entities the question names, with every candidate. */
    public Linking link(String question) {
        checkOpen();
        requireQuestion(question);
        return linker.link(question);
    }

    public Planner planner() {
        return planner;
    }

    public KnowledgeGraph graph() {
        return graph;
    }

    public Limits limits() {
        return limits;
    }

    private static void requireQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("the question is empty");
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this Ariadne instance is closed");
        }
    }

    /** Releases the models and, when the builder opened it, the graph. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
                }
            }
        }
        if (ownsGraph) {
            try {
                graph.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
