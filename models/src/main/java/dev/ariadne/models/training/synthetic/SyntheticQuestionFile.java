package dev.ariadne.models.training.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The synthetic questions as JSON lines a person can read and edit, one question each:
 * {@code {"question": "who directed Moon Harbour", "topic": "m42", "topicName": "Moon Harbour",
 * "path": "directed_by", "answers": ["p7"], "source": "grammar"}}. {@link #read} takes the edited file back
 * (blank lines and lines starting with {@code //} skipped), naming the line of any problem.
 */
public final class SyntheticQuestionFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("question", "topic", "topicName", "topicMention", "path", "answers", "source");

    private SyntheticQuestionFile() {
    }

    public static void write(Path file, List<SyntheticQuestion> questions) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (SyntheticQuestion q : questions) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("question", q.question());
                    o.put("topic", q.topic().key());
                    o.put("topicName", q.topic().name());
                    if (!q.topicMention().equals(q.topic().name())) {
                        o.put("topicMention", q.topicMention());
                    }
                    o.put("path", q.path().format());
                    q.answers().forEach(o.putArray("answers")::add);
                    o.put("source", q.source());
                    w.write(JSON.writeValueAsString(o));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the synthetic questions to " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<SyntheticQuestion> read(Path file) {
        List<SyntheticQuestion> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.strip().startsWith("//")) {
                    continue;
                }
                try {
                    out.add(parse(line));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(file + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static SyntheticQuestion parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new InvalidInputException("expected a JSON object with question, topic, path and answers");
        }
        for (java.util.Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InvalidInputException("unknown key '" + k + "' (expected " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String question = text(o, "question", true);
        String topic = text(o, "topic", true);
        String name = text(o, "topicName", false);
        String mention = text(o, "topicMention", false);
        RelationPath path = RelationPath.parse(text(o, "path", true));
        if (path.isEmpty()) {
            throw new InvalidInputException("'path' must have at least one hop");
        }
        List<String> answers = new ArrayList<>();
        JsonNode a = o.get("answers");
        if (a != null) {
            if (!a.isArray()) {
                throw new InvalidInputException("'answers' must be an array of entity keys");
            }
            for (JsonNode x : a) {
                answers.add(x.asText());
            }
        }
        Entity e = new Entity(topic, name);
        String m = mention != null ? mention : e.name();
        if (GraphQuestions.mentionIn(question, m) == null) {
            throw new InvalidInputException("the question '" + question + "' does not name its topic '" + m + "'");
        }
        String source = text(o, "source", false);
        return new SyntheticQuestion(question, e, m, path, answers, source == null ? "file" : source);
    }

    private static String text(JsonNode o, String key, boolean required) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidInputException("missing '" + key + "'");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidInputException("'" + key + "' must be a non-empty string");
        }
        return v.asText();
    }
}
