package dev.ariadne.engine.rag;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.engine.Ariadne;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An answer as retrieval contexts for a RAG framework: each supporting path of each answer is one context,
 * its text the path as RoG prints it ({@code Petra Vossberg -> ~directed_by -> Fathom Street}), its metadata
 * the answer, its score, the relation path that found it and a trace id under which {@link #trace} returns
 * the whole answer. The one home of what the LangChain4j and Spring AI retrievers return; they only wrap
 * each context in their framework's type. A question naming no graph entity gives no context (as a vector
 * store returns nothing relevant); other failures propagate. Thread-safe.
 */
public final class PathContexts {
    /** One supporting path of one answer. */
    public record PathContext(String text, String answer, String answerKey, double score, String plan, String traceId) {
        /** {@code answer, answerKey, score, plan, traceId}, in that order. */
        public Map<String, Object> metadata() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("answer", answer);
            m.put("answerKey", answerKey);
            m.put("score", score);
            m.put("plan", plan);
            m.put("traceId", traceId);
            return m;
        }
    }

    private final Ariadne ariadne;
    private final int maxContexts;
    private final Map<String, Answer> recent;

    /** At most {@code maxContexts} per question; the last {@code tracesKept} answers kept for {@link #trace}. */
    public PathContexts(Ariadne ariadne, int maxContexts, int tracesKept) {
        this.ariadne = Objects.requireNonNull(ariadne, "ariadne");
        this.maxContexts = maxContexts;
        // the last answers, so a caller can show the trace behind a reply; bounded, oldest dropped first
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > tracesKept;
            }
        });
    }

    /** The contexts for {@code question}, best answer first. */
    public List<PathContext> retrieve(String question) {
        Answer answer;
        try {
            answer = ariadne.ask(question);
        } catch (TopicNotFoundException e) {
            return List.of();
        }
        String traceId = UUID.randomUUID().toString();
        recent.put(traceId, answer);
        List<PathContext> out = new ArrayList<>();
        for (ScoredAnswer a : answer.answers()) {
            for (ReasoningPath p : a.supportingPaths()) {
                if (out.size() >= maxContexts) {
                    return out;
                }
                out.add(new PathContext(p.render(), a.entity().name(), a.entity().key(), a.score(), p.relations().format(),
                        traceId));
            }
        }
        return out;
    }

    /** The answer (with its trace) a recent {@link #retrieve} gave under {@code traceId}. */
    public Optional<Answer> trace(String traceId) {
        return Optional.ofNullable(recent.get(traceId));
    }
}
