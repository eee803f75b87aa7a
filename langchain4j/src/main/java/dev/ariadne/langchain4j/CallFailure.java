package dev.ariadne.langchain4j;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Why a model call failed, and whether another try may help. Only rate limits and server errors are
 * retried: they pass. A timeout is not, since the next try would most likely wait as long again and a
 * training run would stall for minutes per batch; other client errors (a bad key, an unknown model) repeat.
 */
record CallFailure(boolean retryable, String description) {
    private static final int MAX_DESCRIPTION_CHARS = 300;

    /** The failure {@code e} is, its description cut short and free of {@code secret} (the API key). */
    static CallFailure of(Throwable e, String secret) {
        // redact before cutting short: a cut through the key would leave a prefix of it behind
        String text = redact(describe(e), secret);
        return new CallFailure(retryable(e),
                text.length() > MAX_DESCRIPTION_CHARS ? text.substring(0, MAX_DESCRIPTION_CHARS) + "..." : text);
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isTimeout(t)) {
                return false;
            }
            if (t instanceof RateLimitException || t instanceof InternalServerException) {
                return true;
            }
            if (t instanceof HttpException h) {
                return h.statusCode() == 429 || h.statusCode() >= 500;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                || t instanceof java.util.concurrent.TimeoutException;
    }

    /** The exception's type and message (its cause's when it has none) on one line: server bodies can be long. */
    private static String describe(Throwable e) {
        String kind = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isTimeout(t)) {
                kind = "timed out, ";
                break;
            }
            if (t instanceof HttpException h) {
                kind = "HTTP " + h.statusCode() + ", ";
                break;
            }
        }
        String m = e.getMessage();
        if (m == null && e.getCause() != null) {
            m = e.getCause().getMessage();
        }
        return kind + e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " ").strip());
    }

    private static String redact(String s, String secret) {
        return secret == null || secret.isEmpty() ? s : s.replace(secret, "[redacted]");
    }
}
