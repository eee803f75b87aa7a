package dev.ariadne.engine.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (an ephemeral port) that speaks the OpenAI chat-completions protocol
 * with scripted replies, one per request in order; when the script runs out, the last reply repeats.
 * It records every request body and Authorization header so tests can read what the client sent.
 * Needs no network and no key.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply: an HTTP status, a body, and how long to wait before sending it. */
    public record Reply(int status, String body, long delayMillis) {
        /** A 200 chat completion whose assistant message is {@code content}. */
        public static Reply completion(String content) {
            return completion(content, 120, 30);
        }

        public static Reply completion(String content, int promptTokens, int completionTokens) {
            try {
                String body = JSON.writeValueAsString(Map.of(
                        "id", "chatcmpl-scripted", "object", "chat.completion", "created", 1, "model", "scripted-model",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", content))),
                        "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                                "total_tokens", promptTokens + completionTokens)));
                return new Reply(200, body, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A 200 completion with an empty choice list. */
        public static Reply noChoices() {
            return new Reply(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"scripted-model\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":0,\"total_tokens\":10}}", 0);
        }

        public static Reply error(int status, String message) {
            return new Reply(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"scripted\"}}", 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, millis);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private Reply last;

    public ScriptedOpenAiServer(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL a client is given, as ARIADNE_LLM_BASE_URL would be. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized void add(Reply r) {
        script.add(r);
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The user message of every request, decoded from the request JSON. */
    public synchronized List<String> prompts() throws IOException {
        List<String> out = new ArrayList<>();
        for (String body : requests) {
            var messages = JSON.readTree(body).get("messages");
            StringBuilder sb = new StringBuilder();
            for (var m : messages) {
                sb.append(m.get("content").isTextual() ? m.get("content").asText() : m.get("content").toString()).append('\n');
            }
            out.add(sb.toString());
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        Reply r;
        synchronized (this) {
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            r = script.isEmpty() ? last : script.poll();
            last = r;
        }
        try {
            if (r.delayMillis() > 0) {
                Thread.sleep(r.delayMillis());
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to send it.
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
