package dev.ariadne.core.generate;

import java.util.List;
import java.util.Objects;

/**
 * Rewrites the question grammar's drafts for sampled relation paths into natural wording, at training time
 * only (a planner trained on them still answers without any model). Implementations call a language model in
 * batches, cache answers on disk and stop at a call budget; a failed or malformed answer leaves its requests
 * with no rewrite rather than failing the training run. Found through {@link QuestionRewriterProvider}.
 */
public interface QuestionRewriter extends AutoCloseable {
    /**
     * One sampled path to word: {@code topic} is the topic entity's name exactly as every question must
     * contain it, {@code meaning} says in plain words what is asked (the verbalised relation path), and
     * {@code drafts} are the grammar's questions for it.
     */
    record Request(String topic, String meaning, List<String> drafts) {
        public Request {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(meaning, "meaning");
            drafts = List.copyOf(drafts);
        }
    }

    /** What a rewriter did so far: model calls made, requests answered from the cache, calls that failed. */
    record Stats(int calls, int cached, int failed, int budgetLeft) {
    }

    /**
     * The rewritten questions for each request, in order and of the same size as {@code requests}; an
     * empty list for a request the model could not word (error, malformed answer, budget spent). The caller
     * checks that each rewrite still names the topic.
     */
    List<List<String>> rewrite(List<Request> requests);

    Stats stats();

    @Override
    void close();
}
