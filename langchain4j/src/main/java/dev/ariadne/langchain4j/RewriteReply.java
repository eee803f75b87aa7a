package dev.ariadne.langchain4j;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.generate.QuestionRewriter.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a model's answer to a {@link RewritePrompt}. Models wrap JSON in fences or prose however they are
 * asked, so the first JSON object with a {@code questions} array is taken wherever it sits; inside it, any
 * entry that does not fit (an unknown or repeated id, a non-string, a blank or overlong rewrite, one that
 * lost the topic) is skipped rather than failing the batch.
 */
final class RewriteReply {
    /** Longer than any question a person types: such a "rewrite" is an explanation or an answer. */
    static final int MAX_REWRITE_CHARS = 300;
    /** Openings of '{' tried before giving up: bounds the work on a long reply full of braces. */
    private static final int MAX_OBJECT_STARTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply with no usable JSON: every request of its batch goes without a rewrite. */
    static final class MalformedReplyException extends Exception {
        MalformedReplyException(String message) {
            super(message);
        }
    }

    private RewriteReply() {
    }

    /** The rewrites for each request of {@code batch}, in order; at most {@code variants} each. */
    static List<List<String>> parse(String text, List<Request> batch, int variants) throws MalformedReplyException {
        if (text == null || text.isBlank()) {
            throw new MalformedReplyException("the reply is empty");
        }
        JsonNode questions = questionsArray(text);
        List<Set<String>> found = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            found.add(null);
        }
        for (JsonNode entry : questions) {
            int index = id(entry.get("id")) - 1;
            if (index < 0 || index >= batch.size() || found.get(index) != null) {
                continue; // an id we did not ask for, or a second answer to one: the first one stands
            }
            Set<String> rewrites = new LinkedHashSet<>();
            found.set(index, rewrites);
            JsonNode array = entry.get("rewrites");
            if (array == null || !array.isArray()) {
                continue;
            }
            String topic = batch.get(index).topic().toLowerCase(Locale.ROOT);
            for (JsonNode r : array) {
                if (rewrites.size() == variants) {
                    break;
                }
                if (!r.isTextual()) {
                    continue;
                }
                String s = r.asText().strip();
                // the caller checks the topic exactly; this only spares it rewrites that plainly lost it
                if (!s.isEmpty() && s.length() <= MAX_REWRITE_CHARS && s.toLowerCase(Locale.ROOT).contains(topic)) {
                    rewrites.add(s);
                }
            }
        }
        List<List<String>> out = new ArrayList<>(batch.size());
        for (Set<String> s : found) {
            out.add(s == null ? List.of() : List.copyOf(s));
        }
        return out;
    }

    private static JsonNode questionsArray(String text) throws MalformedReplyException {
        int tries = 0;
        for (int at = text.indexOf('{'); at >= 0 && tries < MAX_OBJECT_STARTS; at = text.indexOf('{', at + 1), tries++) {
            JsonNode node = objectAt(text, at);
            if (node != null && node.path("questions").isArray()) {
                return node.get("questions");
            }
        }
        throw new MalformedReplyException("no JSON object with a \"questions\" array in the reply");
    }

    /** The JSON value that starts at {@code at}, ignoring whatever follows it (a closing fence, prose). */
    private static JsonNode objectAt(String text, int at) {
        try (JsonParser p = JSON.createParser(text.substring(at))) {
            return p.readValueAsTree();
        } catch (IOException e) {
            return null; // not JSON from this brace: the caller tries the next one, and reports if none is
        }
    }

    /** The entry's 1-based id, from a number or a numeric string; 0 when it has none. */
    private static int id(JsonNode id) {
        if (id == null) {
            return 0;
        }
        if (id.isIntegralNumber() && id.canConvertToInt()) {
            return id.intValue();
        }
        if (id.isTextual() && id.asText().strip().matches("\\d{1,6}")) {
            return Integer.parseInt(id.asText().strip());
        }
        return 0;
    }
}
