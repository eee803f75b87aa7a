package dev.ariadne.benchmarks.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the generic format for users' own questions, one JSON object a line:
 * <pre>{"id": "q1", "question": "...", "topics": ["key"], "answers": ["key", ...], "gold_path": "r1,~r2"}</pre>
 * {@code id}, {@code question}, {@code topics} (at least one) and {@code answers} (at least one) are
 * required; {@code gold_path} (a {@link RelationPath} text; several joined by {@code *}), {@code hops}
 * and {@code type} are optional. Unknown fields are an error, so a misspelt field is not silently lost.
 * The split key is the topics plus the gold path (the id when there is no gold path).
 */
public final class JsonLinesReader {
    static final Set<String> FIELDS = Set.of("id", "question", "topics", "answers", "gold_path", "hops", "type");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesReader() {
    }

    public static List<KgqaExample> read(Path file) {
        List<String> lines = DatasetLines.read(file, "JSON-lines question");
        List<KgqaExample> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            out.add(parse(lines.get(i), new SourceLine(file, i + 1)));
        }
        return out;
    }

    private static KgqaExample parse(String line, SourceLine at) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(at, "expected one JSON object a line: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new DatasetFormatException(at, "expected a JSON object {\"id\",\"question\",\"topics\",\"answers\"}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new DatasetFormatException(at, "unknown field '" + name + "' (expected "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = text(node, "id", at);
        String question = text(node, "question", at);
        List<String> topics = strings(node, "topics", at);
        List<String> answers = strings(node, "answers", at);
        List<RelationPath> gold = new ArrayList<>();
        String goldText = "";
        if (node.hasNonNull("gold_path")) {
            goldText = text(node, "gold_path", at);
            for (String p : goldText.split("\\*", -1)) {
                try {
                    gold.add(RelationPath.parse(p));
                } catch (InvalidInputException e) {
                    throw new DatasetFormatException(at, "field 'gold_path': " + e.getMessage(), e);
                }
            }
        }
        int hops = gold.stream().mapToInt(RelationPath::length).max().orElse(0);
        if (node.has("hops")) {
            JsonNode h = node.get("hops");
            if (!h.canConvertToInt() || !h.isIntegralNumber() || h.asInt() < 0) {
                throw new DatasetFormatException(at, "field 'hops' must be a non-negative integer, got " + h);
            }
            if (!gold.isEmpty() && h.asInt() != hops) {
                throw new DatasetFormatException(at, "field 'hops' says " + h.asInt() + " but gold_path has " + hops);
            }
            hops = h.asInt();
        }
        String type = node.has("type") ? text(node, "type", at) : "";
        String splitKey = gold.isEmpty() ? "id:" + id : String.join("/", topics) + "#" + goldText;
        return new KgqaExample(id, question, topics, answers, gold, hops, type, at, splitKey);
    }

    private static String text(JsonNode node, String field, SourceLine at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new DatasetFormatException(at, "missing field '" + field + "' (a string)");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new DatasetFormatException(at, "field '" + field + "' must be a non-empty string, got " + v);
        }
        return v.asText().strip();
    }

    private static List<String> strings(JsonNode node, String field, SourceLine at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new DatasetFormatException(at, "missing field '" + field + "' (an array of strings)");
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new DatasetFormatException(at, "field '" + field + "' must be a non-empty array of strings, got " + v);
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new DatasetFormatException(at, "element " + (i + 1) + " of '" + field
                        + "' must be a non-empty string, got " + e);
            }
            out.add(e.asText().strip());
        }
        return out;
    }
}
