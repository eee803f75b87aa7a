package dev.ariadne.langchain4j;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.rag.PathContexts;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ariadne as a LangChain4j {@link ContentRetriever}: a query is answered over the knowledge graph and
 * each supporting path of each answer becomes one {@link Content}, its text the path as RoG prints it
 * ({@code Petra Vossberg -> ~directed_by -> Fathom Street}), its metadata the answer ({@code answer},
 * {@code answerKey}), the answer's {@code score} (also as {@link ContentMetadata#SCORE}), the relation path
 * that found it ({@code plan}) and a {@code traceId} under which {@link #trace(String)} returns the full
 * answer and trace. So Ariadne sits in a {@code RetrievalAugmentor} or an AI Service next to vector
 * retrievers, and the model is given paths it can cite.
 *
 * <p>A query that names no graph entity ({@link TopicNotFoundException}) retrieves nothing, as a vector
 * store returns nothing relevant; every other failure propagates. Thread-safe.
 */
public final class AriadneContentRetriever implements ContentRetriever {
    private final PathContexts contexts;

    private AriadneContentRetriever(Builder b) {
        this.contexts = new PathContexts(b.ariadne, b.maxContents, b.tracesKept);
    }

    public static Builder builder(Ariadne ariadne) {
        return new Builder(ariadne);
    }

    @Override
    public List<Content> retrieve(Query query) {
        Objects.requireNonNull(query, "query");
        List<Content> out = new ArrayList<>();
        for (PathContexts.PathContext c : contexts.retrieve(query.text())) {
            out.add(Content.from(TextSegment.from(c.text(), Metadata.from(c.metadata())), Map.of(ContentMetadata.SCORE, c.score())));
        }
        return out;
    }

    /** The answer (with its trace) a recent {@link #retrieve} gave under {@code traceId}. */
    public Optional<Answer> trace(String traceId) {
        return contexts.trace(traceId);
    }

    /** The plans of a recent answer, for callers that show how it was found. */
    public List<Plan> plans(String traceId) {
        return trace(traceId).map(Answer::plans).orElse(List.of());
    }

    /** Options; each setter checks its value at once. */
    public static final class Builder {
        private final Ariadne ariadne;
        private int maxContents = 20;
        private int tracesKept = 100;

        private Builder(Ariadne ariadne) {
            this.ariadne = Objects.requireNonNull(ariadne, "ariadne");
        }

        /** The most contents (paths) returned per query, 1..1000 (default 20). */
        public Builder maxContents(int n) {
            if (n < 1 || n > 1000) {
                throw new InvalidInputException("maxContents must be in 1..1000: " + n);
            }
            this.maxContents = n;
            return this;
        }

        /** How many recent answers {@link #trace} can return, 0..100000 (default 100). */
        public Builder tracesKept(int n) {
            if (n < 0 || n > 100_000) {
                throw new InvalidInputException("tracesKept must be in 0..100000: " + n);
            }
            this.tracesKept = n;
            return this;
        }

        public AriadneContentRetriever build() {
            return new AriadneContentRetriever(this);
        }
    }
}
