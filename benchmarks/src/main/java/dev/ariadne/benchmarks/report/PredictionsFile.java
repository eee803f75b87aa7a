package dev.ariadne.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.metrics.ReturnedAnswer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code predictions.jsonl}: one line per evaluated question (id, source line, gold answers and
 * paths, the top 10 answers, the plans, the error if any), so any figure in the report can be checked
 * question by question.
 */
public final class PredictionsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWERS = 10;

    private PredictionsFile() {
    }

    public static void write(List<QuestionOutcome> outcomes, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (QuestionOutcome o : outcomes) {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", o.example().id());
                n.put("source", o.example().source().toString());
                n.put("question", o.example().question());
                n.put("hops", o.example().hops());
                n.put("type", o.example().questionType());
                ArrayNode gold = n.putArray("gold");
                o.example().answers().forEach(gold::add);
                ArrayNode goldPaths = n.putArray("goldPaths");
                o.example().goldPaths().forEach(p -> goldPaths.add(p.format()));
                n.put("answersReturned", o.answers().size());
                ArrayNode answers = n.putArray("answers");
                for (ReturnedAnswer a : o.answers().subList(0, Math.min(MAX_ANSWERS, o.answers().size()))) {
                    answers.add(a.key());
                }
                ArrayNode plans = n.putArray("plans");
                o.plans().forEach(p -> plans.addObject().put("path", p.path().format()).put("found", p.foundInGraph()));
                n.put("ms", o.timings().totalNanos() / 1e6);
                if (o.error().isPresent()) {
                    n.put("error", o.error().get());
                }
                w.write(JSON.writeValueAsString(n));
                w.newLine();
            }
        }
    }
}
