package dev.ariadne.engine.quickstart;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.models.training.TrainingExample;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The example knowledge graph and question templates shipped in {@code quickstart/} (written by hand for
 * Ariadne, invented films, people and places), and the training questions made from them: every
 * template filled with every entity its path leads somewhere from, answered by following the path.
 */
public final class QuickstartData {
    static final String GRAPH = "quickstart/graph.txt";
    static final String QUESTIONS = "quickstart/questions.txt";
    static final String DEMO = "quickstart/demo.txt";

    private final List<Triple> triples;
    private final List<QuestionTemplate> templates;
    private final List<DemoQuestion> demo;

    private QuickstartData(List<Triple> triples, List<QuestionTemplate> templates, List<DemoQuestion> demo) {
        this.triples = triples;
        this.templates = templates;
        this.demo = demo;
    }

    public static QuickstartData load() {
        List<Triple> triples = new ArrayList<>();
        String text = resource(GRAPH);
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 3) {
                throw new InvalidInputException(GRAPH + " line " + n + ": expected subject|relation|object");
            }
            triples.add(new Triple(f[0], f[1], f[2]));
        }
        List<QuestionTemplate> templates = QuestionTemplate.read(new java.io.StringReader(resource(QUESTIONS)), QUESTIONS);
        return new QuickstartData(List.copyOf(triples), List.copyOf(templates), DemoQuestion.parse(resource(DEMO), DEMO));
    }

    private static String resource(String name) {
        try (InputStream in = QuickstartData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }

    public List<Triple> triples() {
        return triples;
    }

    public List<QuestionTemplate> templates() {
        return templates;
    }

    /** The questions the quickstart asks after training, with their expected answers. */
    public List<DemoQuestion> demoQuestions() {
        return demo;
    }

    /** Writes the graph as a {@code subject|relation|object} file the loader reads. */
    public Path writeGraph(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, resource(GRAPH), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Training questions: each template filled with up to {@code maxPerTemplate} entities from which its
     * path reaches at least one other entity (spread evenly over those entities in key order, so the
     * choice is deterministic), with those entities as the answers and the template's path as gold.
     */
    public List<TrainingExample> trainingExamples(int maxPerTemplate) {
        if (maxPerTemplate < 1) {
            throw new IllegalArgumentException("maxPerTemplate must be >= 1: " + maxPerTemplate);
        }
        InMemoryGraph graph = InMemoryGraph.of(triples);
        TreeSet<String> keys = new TreeSet<>();
        for (Triple t : triples) {
            keys.add(t.subject());
            keys.add(t.object());
        }
        RetrievalLimits limits = RetrievalLimits.DEFAULT;
        List<TrainingExample> out = new ArrayList<>();
        for (QuestionTemplate t : templates) {
            List<TrainingExample> eligible = new ArrayList<>();
            for (String key : keys) {
                Entity topic = Entity.named(key);
                RetrievalResult r = graph.retrieve(topic, t.path(), limits);
                if (r.isEmpty()) {
                    continue;
                }
                TreeSet<String> answers = new TreeSet<>();
                for (ReasoningPath p : r.paths()) {
                    answers.add(p.end().key());
                }
                eligible.add(new TrainingExample(t.fill(key), topic, key, answers, t.path()));
            }
            int n = Math.min(maxPerTemplate, eligible.size());
            for (int i = 0; i < n; i++) {
                out.add(eligible.get((int) ((long) i * eligible.size() / n)));
            }
        }
        return out;
    }
}
