package dev.ariadne.models.encoder;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On real questions (MetaQA 1-hop dev, CC BY 3.0; read from ../shared at test time, skipped without it):
 * with the topic entity masked, a question's vector must be closest to the centroid of the other
 * questions of its own relation type (leave-one-out), i.e. the encoder separates what is asked from
 * who it is asked about. Uses the first 30 questions of each type that has at least 30.
 */
class MetaQaEncoderTest {
    private static final int PER_TYPE = 30;

    static Path metaQa() {
        String property = System.getProperty("ariadne.shared");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property, "datasets", "metaqa"));
        }
        candidates.add(Path.of("..", "shared", "datasets", "metaqa"));
        candidates.add(Path.of("..", "..", "shared", "datasets", "metaqa"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("1-hop").resolve("qa_dev.txt"))) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void maskedQuestionsAreClosestToTheirOwnRelationType() throws IOException {
        Path root = metaQa();
        assumeTrue(root != null, "skipped: ../shared/datasets/metaqa not found");
        List<String> lines = Files.readAllLines(root.resolve("1-hop/qa_dev.txt"), StandardCharsets.UTF_8);
        List<String> types = Files.readAllLines(root.resolve("1-hop/qa_dev_qtype.txt"), StandardCharsets.UTF_8);
        assertEquals(lines.size(), types.size(), "qa_dev.txt and qa_dev_qtype.txt line counts");

        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String question = lines.get(i).split("\t", 2)[0].replaceAll("\\[[^]]*]", "X");
            List<String> bucket = byType.computeIfAbsent(types.get(i).trim(), t -> new ArrayList<>());
            if (bucket.size() < PER_TYPE) {
                bucket.add(question);
            }
        }
        byType.values().removeIf(list -> list.size() < PER_TYPE);
        assertTrue(byType.size() >= 10, "relation types with " + PER_TYPE + " questions: " + byType.keySet());

        List<String> questions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        byType.forEach((type, list) -> list.forEach(q -> {
            questions.add(q);
            labels.add(type);
        }));
        float[][] vectors;
        try (TextEncoder encoder = TextEncoders.builder().threads(2).build()) {
            vectors = encoder.encodeAll(questions);
        }
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            double[] sum = sums.computeIfAbsent(labels.get(i), t -> new double[vectors[0].length]);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vectors[i][d];
            }
        }
        int correct = 0;
        for (int i = 0; i < vectors.length; i++) {
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                boolean own = e.getKey().equals(labels.get(i));
                double score = 0;
                double norm = 0;
                for (int d = 0; d < vectors[i].length; d++) {
                    double c = e.getValue()[d] - (own ? vectors[i][d] : 0); // leave this question out
                    score += c * vectors[i][d];
                    norm += c * c;
                }
                score /= Math.sqrt(norm);
                if (score > bestScore) {
                    bestScore = score;
                    best = e.getKey();
                }
            }
            if (labels.get(i).equals(best)) {
                correct++;
            }
        }
        double accuracy = (double) correct / vectors.length;
        System.out.printf("MetaQA 1-hop dev, %d types x %d questions: leave-one-out nearest-centroid accuracy %.4f%n",
                byType.size(), PER_TYPE, accuracy);
        assertTrue(accuracy >= 0.95, "nearest-centroid accuracy " + accuracy);
    }
}
