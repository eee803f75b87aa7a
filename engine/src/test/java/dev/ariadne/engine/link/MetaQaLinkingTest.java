package dev.ariadne.engine.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.AmbiguousEntityException;
import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.Entity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Linking accuracy on MetaQA dev with the brackets removed (MetaQA: Zhang et al., AAAI 2018, CC BY 3.0):
 * the name index is built from kb.txt's entities, each dev question is linked without its brackets, and
 * the chosen topic is compared with the bracketed one. Prints the figures; skipped without ../shared.
 * Run: mvn -pl engine test -Dtest=MetaQaLinkingTest
 */
class MetaQaLinkingTest {
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]+)]");

    static Path metaqa() {
        String prop = System.getProperty("ariadne.shared");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop, "datasets", "metaqa"));
        }
        candidates.add(Path.of("..", "shared", "datasets", "metaqa"));
        candidates.add(Path.of("..", "..", "shared", "datasets", "metaqa"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("kb.txt"))) {
                return p;
            }
        }
        return null;
    }

    @Test
    void linkingAccuracyOnBracketFreeDevQuestions() throws IOException {
        Path dir = metaqa();
        Assumptions.assumeTrue(dir != null, "skipped: ../shared/datasets/metaqa not found");
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dir.resolve("kb.txt"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\\|");
            if (f.length == 3) {
                names.add(f[0]);
                names.add(f[2]);
            }
        }
        List<Entity> entities = new ArrayList<>(names.size());
        for (String n : names) {
            entities.add(Entity.named(n));
        }
        TopicLinker linker = new TopicLinker(NameIndex.build(entities), null, 1);
        long allTotal = 0;
        long allCorrect = 0;
        for (String hop : List.of("1-hop", "2-hop", "3-hop")) {
            long total = 0;
            long correct = 0;
            long ambiguous = 0;
            long notFound = 0;
            long start = System.nanoTime();
            for (String line : Files.readAllLines(dir.resolve(hop).resolve("qa_dev.txt"), StandardCharsets.UTF_8)) {
                String question = line.split("\t")[0];
                Matcher m = BRACKET.matcher(question);
                if (!m.find()) {
                    continue;
                }
                String gold = m.group(1);
                String plain = question.replace("[", "").replace("]", "");
                total++;
                try {
                    if (linker.link(plain).topics().get(0).entity().key().equals(gold)) {
                        correct++;
                    }
                } catch (AmbiguousEntityException e) {
                    ambiguous++;
                } catch (TopicNotFoundException e) {
                    notFound++;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "MetaQA dev %s, brackets removed: %d/%d topics linked correctly = %.2f%% "
                    + "(%d ambiguous, %d not found; %.3f ms/question)%n", hop, correct, total, 100.0 * correct / total,
                    ambiguous, notFound, ms / total);
            allTotal += total;
            allCorrect += correct;
        }
        double accuracy = (double) allCorrect / allTotal;
        System.out.printf(Locale.ROOT, "MetaQA dev all hops, brackets removed: %.2f%% of %d questions%n", 100 * accuracy, allTotal);
        assertTrue(accuracy > 0.8, "linking accuracy fell to " + accuracy);
    }
}
