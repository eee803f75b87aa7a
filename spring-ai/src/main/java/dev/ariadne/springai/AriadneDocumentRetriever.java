package dev.ariadne.springai;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.rag.PathContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;

/**
 * Ariadne as a Spring AI {@link DocumentRetriever} (modular RAG, e.g. in a {@code RetrievalAugmentationAdvisor}):
 * a query is answered over the knowledge graph and each supporting path of each answer becomes one
 * {@link Document}, its text the path as RoG prints it, its metadata {@code answer}, {@code answerKey},
 * {@code score} (also the document's score), {@code plan} and {@code traceId} ({@link #trace(String)} returns
 * the full answer). The same contract as the LangChain4j {@code AriadneContentRetriever}: a query naming no
 * graph entity retrieves nothing; other failures propagate. Thread-safe.
 */
public final class AriadneDocumentRetriever implements DocumentRetriever {
    private final PathContexts contexts;

    private AriadneDocumentRetriever(Ariadne ariadne, int maxDocuments, int tracesKept) {
        this.contexts = new PathContexts(ariadne, maxDocuments, tracesKept);
    }

    /** At most {@code maxDocuments} (1..1000) paths per query; the last {@code tracesKept} (0..100000) answers kept. */
    public static AriadneDocumentRetriever of(Ariadne ariadne, int maxDocuments, int tracesKept) {
        Objects.requireNonNull(ariadne, "ariadne");
        if (maxDocuments < 1 || maxDocuments > 1000) {
            throw new InvalidInputException("maxDocuments must be in 1..1000: " + maxDocuments);
        }
        if (tracesKept < 0 || tracesKept > 100_000) {
            throw new InvalidInputException("tracesKept must be in 0..100000: " + tracesKept);
        }
        return new AriadneDocumentRetriever(ariadne, maxDocuments, tracesKept);
    }

    /** 20 documents per query, the last 100 answers kept. */
    public static AriadneDocumentRetriever of(Ariadne ariadne) {
        return of(ariadne, 20, 100);
    }

    @Override
    public List<Document> retrieve(Query query) {
        Objects.requireNonNull(query, "query");
        List<Document> out = new ArrayList<>();
        for (PathContexts.PathContext c : contexts.retrieve(query.text())) {
            out.add(Document.builder().text(c.text()).metadata(c.metadata()).score(c.score()).build());
        }
        return out;
    }

    /** The answer (with its trace) a recent {@link #retrieve} gave under {@code traceId}. */
    public Optional<Answer> trace(String traceId) {
        return contexts.trace(traceId);
    }
}
