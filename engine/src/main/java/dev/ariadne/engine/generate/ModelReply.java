package dev.ariadne.engine.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's reply as the prompt asks for it: {@code {"answer": "...", "entities": ["...", ...]}}.
 * Models often wrap JSON in a Markdown fence or add a sentence around it, so the outermost {@code {...}}
 * is read; anything else (no object, no {@code entities} array, a non-string entity) is unparseable.
 */
record ModelReply(String answer, List<String> entities) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either a reply or why there is none. */
    record Parsed(ModelReply reply, String problem) {
    }

    static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(null, "the reply has no text");
        }
        int open = raw.indexOf('{');
        int close = raw.lastIndexOf('}');
        if (open < 0 || close < open) {
            return new Parsed(null, "the reply holds no JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw.substring(open, close + 1));
        } catch (IOException e) {
            return new Parsed(null, "the reply's JSON does not parse: " + firstLine(e.getMessage()));
        }
        JsonNode answer = root.get("answer");
        JsonNode entities = root.get("entities");
        if (entities == null || !entities.isArray()) {
            return new Parsed(null, "the reply's JSON has no \"entities\" array");
        }
        List<String> names = new ArrayList<>(entities.size());
        for (JsonNode e : entities) {
            if (!e.isTextual()) {
                return new Parsed(null, "the reply's \"entities\" holds a " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not a string");
            }
            if (!e.asText().isBlank()) {
                names.add(e.asText().strip());
            }
        }
        String text = answer != null && answer.isTextual() ? answer.asText().strip() : null;
        return new Parsed(new ModelReply(text, names), null);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
