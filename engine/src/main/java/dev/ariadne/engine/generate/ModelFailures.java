package dev.ariadne.engine.generate;

import dev.ariadne.core.generate.ModelCall;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

/** How a failed chat-model call is recorded, and whether it is worth retrying. */
final class ModelFailures {
    private static final int MAX_ERROR_CHARS = 300;

    private ModelFailures() {
    }

    static ModelCall.Outcome classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException) {
                return ModelCall.Outcome.RATE_LIMITED;
            }
            if (t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return ModelCall.Outcome.TIMEOUT;
            }
            if (t instanceof InternalServerException) {
                return ModelCall.Outcome.SERVER_ERROR;
            }
            if (t instanceof HttpException h) {
                return h.statusCode() == 429 ? ModelCall.Outcome.RATE_LIMITED
                        : h.statusCode() >= 500 ? ModelCall.Outcome.SERVER_ERROR : ModelCall.Outcome.FAILED;
            }
        }
        return ModelCall.Outcome.FAILED;
    }

    /** The exception's type and first line, cut short: server bodies can be long. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " ").strip());
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "..." : text;
    }
}
