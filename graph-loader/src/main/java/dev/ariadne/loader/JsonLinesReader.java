package dev.ariadne.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * One JSON object per line: {@code {"subject":..,"relation":..,"object":..}}, with optional
 * {@code subject_name} and {@code object_name} when the keys are ids.
 */
final class JsonLinesReader implements FormatReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void read(BufferedReader in, TripleSink sink) throws IOException {
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                sink.skip(lineNo);
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                sink.reject(lineNo, "not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.reject(lineNo, "expected a JSON object {\"subject\":..,\"relation\":..,\"object\":..}");
                continue;
            }
            String problem = null;
            String[] values = new String[5];
            String[] names = {"subject", "relation", "object", "subject_name", "object_name"};
            for (int i = 0; i < names.length && problem == null; i++) {
                JsonNode v = node.get(names[i]);
                boolean required = i < 3;
                if (v == null || v.isNull()) {
                    if (required) {
                        problem = "missing \"" + names[i] + "\"";
                    }
                } else if (!v.isTextual() && !v.isNumber()) {
                    problem = "\"" + names[i] + "\" must be a string, found " + v.getNodeType().name().toLowerCase();
                } else {
                    values[i] = v.asText().strip();
                    if (required && values[i].isEmpty()) {
                        problem = "empty \"" + names[i] + "\"";
                    }
                }
            }
            if (problem != null) {
                sink.reject(lineNo, problem);
                continue;
            }
            sink.accept(lineNo, values[0], values[3], values[1], values[2], values[4]);
        }
    }
}
