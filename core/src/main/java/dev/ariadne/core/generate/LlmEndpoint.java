package dev.ariadne.core.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat endpoint: base URL ({@code http://localhost:11434/v1} for Ollama,
 * {@code https://api.openai.com/v1}, a vLLM server...), model name and API key. Read from
 * {@code ARIADNE_LLM_BASE_URL}, {@code ARIADNE_LLM_MODEL} and {@code ARIADNE_LLM_API_KEY}; the key is
 * never taken from a command line or a URL, and {@link #toString()} never shows it.
 */
public final class LlmEndpoint {
    public static final String BASE_URL = "ARIADNE_LLM_BASE_URL";
    public static final String MODEL = "ARIADNE_LLM_MODEL";
    public static final String API_KEY = "ARIADNE_LLM_API_KEY";
    /** Optional: per-call timeout in milliseconds (default 60000). */
    public static final String TIMEOUT_MS = "ARIADNE_LLM_TIMEOUT_MS";

    private final URI baseUrl;
    private final String model;
    private final String apiKey;
    private final Duration timeout;

    public LlmEndpoint(URI baseUrl, String model, String apiKey, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new InvalidInputException(BASE_URL + " must be an http:// or https:// URL such as http://localhost:11434/v1, got '"
                    + baseUrl + "'");
        }
        if (baseUrl.getUserInfo() != null || baseUrl.getQuery() != null) {
            // a key in the URL would end up in logs and traces: refuse it, and never echo the URL back
            throw new InvalidInputException(BASE_URL + " must not hold credentials or a query: put the key in " + API_KEY);
        }
        if (model == null || model.isBlank()) {
            throw new InvalidInputException(MODEL + " is not set: name the model to call (e.g. llama3.1:8b, gpt-4o-mini)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException(TIMEOUT_MS + " must be positive: " + timeout.toMillis());
        }
        this.baseUrl = baseUrl;
        this.model = model.strip();
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.timeout = timeout;
    }

    /** True when the environment names an endpoint (its base URL is set). */
    public static boolean configured(Function<String, String> env) {
        String url = env.apply(BASE_URL);
        return url != null && !url.isBlank();
    }

    /** The endpoint the environment names; an error saying which variable is missing or bad otherwise. */
    public static LlmEndpoint fromEnvironment(Function<String, String> env) {
        String url = env.apply(BASE_URL);
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(BASE_URL + " is not set: give an OpenAI-compatible base URL such as "
                    + "http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1, with " + MODEL + " and, if the server needs one, "
                    + API_KEY + " (docs/generation.md)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(BASE_URL + " is not a URL: " + e.getReason(), e);
        }
        String t = env.apply(TIMEOUT_MS);
        Duration timeout = Duration.ofSeconds(60);
        if (t != null && !t.isBlank()) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(t.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(TIMEOUT_MS + " must be a whole number of milliseconds, got '" + t + "'", e);
            }
        }
        return new LlmEndpoint(uri, env.apply(MODEL), env.apply(API_KEY), timeout);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }

    /** The API key, or null for servers that need none (Ollama, most local vLLM servers). Never print it. */
    public String apiKey() {
        return apiKey;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "LlmEndpoint[" + baseUrl + ", model " + model + ", key " + (apiKey == null ? "none" : "set (hidden)")
                + ", timeout " + timeout.toMillis() + " ms]";
    }
}
