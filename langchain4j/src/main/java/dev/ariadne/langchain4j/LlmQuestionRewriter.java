package dev.ariadne.langchain4j;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.generate.RewriteOptions;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link QuestionRewriter} over a LangChain4j chat model: {@code batchSize} requests per call, each reply
 * cached on disk before it is used, at most {@code maxCalls} calls (retries included). No model failure
 * escapes {@link #rewrite}: a training run with a flaky endpoint still trains, on the drafts it has, and
 * every failure is one line on the progress stream so it is never silent.
 */
final class LlmQuestionRewriter implements QuestionRewriter {
    /** Waits before the 2nd and 3rd try of a rate-limited or failing call: short, as training waits on it. */
    static final long[] BACKOFF_MILLIS = {200, 800};

    /** How the rewriter waits between tries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final ChatModel model;
    private final String modelName;
    private final RewriteOptions options;
    private final RewriteCache cache;
    private final RewriteProgress progress;
    private final String secret;
    private final Sleeper sleeper;
    // written only inside the synchronized rewrite(); volatile so stats() can be read from another thread
    private volatile int calls;
    private volatile int cached;
    private volatile int failed;
    private boolean budgetNoted;

    LlmQuestionRewriter(ChatModel model, String modelName, RewriteOptions options) {
        this(model, modelName, options, null, Thread::sleep);
    }

    /** {@code secret}: the API key, kept out of every line written (null when there is none). */
    LlmQuestionRewriter(ChatModel model, String modelName, RewriteOptions options, String secret, Sleeper sleeper) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (modelName == null || modelName.isBlank()) {
            // part of every cache key: without it, two models' answers would share one cache
            throw new InvalidInputException("the question rewriter needs the model's name");
        }
        this.modelName = modelName.strip();
        this.secret = secret;
        this.cache = new RewriteCache(options.cacheDir());
        this.progress = new RewriteProgress(options.progress());
    }

    @Override
    public synchronized List<List<String>> rewrite(List<Request> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.isEmpty()) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>(requests.size());
        progress.update(0, requests.size(), stats());
        for (int from = 0; from < requests.size(); from += options.batchSize()) {
            List<Request> batch = requests.subList(from, Math.min(requests.size(), from + options.batchSize()));
            if (Thread.currentThread().isInterrupted()) {
                // the run is being stopped: hand back what is done rather than start more calls
                progress.note("question rewriting interrupted: " + (requests.size() - from) + " paths left as drafted");
                out.addAll(Collections.nCopies(requests.size() - from, List.of()));
                break;
            }
            out.addAll(rewriteBatch(batch, from, requests.size()));
            progress.update(out.size(), requests.size(), stats());
        }
        progress.end();
        return out;
    }

    private List<List<String>> rewriteBatch(List<Request> batch, int from, int total) {
        RewritePrompt prompt = RewritePrompt.of(batch, options.variants());
        String key = RewriteCache.key(modelName, prompt);
        String where = "paths " + (from + 1) + "-" + (from + batch.size()) + " of " + total;
        Optional<List<List<String>>> hit = fromCache(key, batch, where);
        if (hit.isPresent()) {
            cached += batch.size();
            return hit.get();
        }
        List<List<String>> none = Collections.nCopies(batch.size(), List.of());
        if (calls >= options.maxCalls()) {
            noteBudgetSpent();
            return none;
        }
        String reply = call(prompt, where);
        if (reply == null) {
            return none;
        }
        List<List<String>> rewrites;
        try {
            rewrites = RewriteReply.parse(reply, batch, options.variants());
        } catch (RewriteReply.MalformedReplyException e) {
            // not cached: a rerun may get a well-formed answer, and the budget bounds what that costs
            failed++;
            progress.note("question rewrite failed (" + where + "): " + e.getMessage());
            return none;
        }
        try {
            cache.write(key, reply);
        } catch (IOException e) {
            progress.note("question rewrite answer not cached (" + where + "), a rerun will pay for it again: " + e);
        }
        return rewrites;
    }

    /** The cached answer for {@code key}; a file that cannot be read or parsed is a miss, overwritten once called. */
    private Optional<List<List<String>>> fromCache(String key, List<Request> batch, String where) {
        String text;
        try {
            Optional<String> stored = cache.read(key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            text = stored.get();
        } catch (IOException e) {
            progress.note("unreadable question-rewrite cache file " + cache.file(key) + " (" + where + "), asking the model again: " + e);
            return Optional.empty();
        }
        try {
            return Optional.of(RewriteReply.parse(text, batch, options.variants()));
        } catch (RewriteReply.MalformedReplyException e) {
            progress.note("corrupt question-rewrite cache file " + cache.file(key) + " (" + where + "), asking the model again: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** The reply's text, or null when the call failed (counted and reported here). */
    private String call(RewritePrompt prompt, String where) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .build();
        for (int attempt = 1; ; attempt++) {
            calls++;
            CallFailure failure;
            try {
                ChatResponse response = model.chat(request);
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text != null) {
                    return text;
                }
                failure = new CallFailure(false, "the reply has no text");
            } catch (RuntimeException e) {
                // any client failure (HTTP status, timeout, unparseable response) costs this batch only
                failure = CallFailure.of(e, secret);
            }
            boolean budgetLeft = calls < options.maxCalls();
            if (!failure.retryable() || attempt > BACKOFF_MILLIS.length || !budgetLeft) {
                failed++;
                progress.note("question rewrite failed (" + where + ") after " + attempt + (attempt == 1 ? " try: " : " tries: ")
                        + failure.description() + (failure.retryable() && !budgetLeft ? " (no call budget left to retry)" : ""));
                return null;
            }
            try {
                sleeper.sleep(BACKOFF_MILLIS[attempt - 1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // rewrite() sees the flag and stops before the next batch
                failed++;
                progress.note("question rewrite failed (" + where + "): interrupted while waiting to retry after "
                        + failure.description());
                return null;
            }
        }
    }

    private void noteBudgetSpent() {
        if (!budgetNoted) {
            budgetNoted = true;
            progress.note("question rewrite budget spent (" + options.maxCalls() + " calls): the remaining uncached paths keep "
                    + "their drafted questions; raise --llm-max-calls to rewrite more");
        }
    }

    @Override
    public Stats stats() {
        int c = calls;
        return new Stats(c, cached, failed, options.maxCalls() - c);
    }

    /** Nothing to release: the chat model holds no connection between calls that it does not pool itself. */
    @Override
    public void close() {
    }
}
