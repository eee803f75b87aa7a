package dev.ariadne.engine.generate;

import dev.ariadne.core.generate.ModelCall;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;

/**
 * One prompt to a chat model with Ariadne's retry policy, each attempt recorded: rate limits, timeouts
 * and server errors are retried with exponential backoff, other failures are not. Shared by the
 * generating reasoner and the LLM planner so both trace calls the same way.
 */
final class ModelCaller {
    private final ChatModel model;
    private final int maxRetries;
    private final Duration backoff;
    private final List<String> secrets;

    /** A retry count for a builder: 0..5 (each attempt is a paid call). */
    static int checkedRetries(int n) {
        if (n < 0 || n > 5) {
            throw new dev.ariadne.core.error.InvalidInputException("maxRetries must be in 0..5: " + n);
        }
        return n;
    }

    /** A first backoff for a builder: 0..60 s, doubled for each further retry. */
    static Duration checkedBackoff(Duration d) {
        java.util.Objects.requireNonNull(d, "backoff");
        if (d.isNegative() || d.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new dev.ariadne.core.error.InvalidInputException("backoff must be in 0..60 s: " + d);
        }
        return d;
    }

    ModelCaller(ChatModel model, int maxRetries, Duration backoff, List<String> secrets) {
        this.model = model;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.secrets = List.copyOf(secrets);
    }

    /** The reply, or null when every attempt failed; {@code calls} receives one record per attempt. */
    ChatResponse call(String text, List<ModelCall> calls) {
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            ModelCall.Outcome outcome;
            String error;
            try {
                ChatResponse r = model.chat(UserMessage.from(text));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                TokenUsage u = r.tokenUsage();
                calls.add(new ModelCall(attempt, ms, u == null ? null : u.inputTokenCount(), u == null ? null : u.outputTokenCount(),
                        ModelCall.Outcome.OK, null));
                return r;
            } catch (RuntimeException e) {
                // Every model failure becomes a recorded call and, in the end, the caller's fallback: the
                // path answer (or the fallback planner) is always there, so no model error costs an answer.
                outcome = ModelFailures.classify(e);
                error = redact(ModelFailures.describe(e));
            }
            calls.add(new ModelCall(attempt, (System.nanoTime() - t0) / 1_000_000, null, null, outcome, error));
            if (outcome == ModelCall.Outcome.FAILED || attempt > maxRetries) {
                return null;
            }
            try {
                Thread.sleep(backoff.toMillis() << (attempt - 1));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    String redact(String s) {
        if (s == null) {
            return null;
        }
        String out = s;
        for (String secret : secrets) {
            out = out.replace(secret, "[redacted]");
        }
        return out;
    }
}
