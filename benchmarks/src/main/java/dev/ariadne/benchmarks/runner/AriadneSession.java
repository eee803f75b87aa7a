package dev.ariadne.benchmarks.runner;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.engine.generate.LlmPlanner;
import dev.ariadne.langchain4j.OpenAiGeneratorProvider;
import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.KnowledgeBaseReader;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.metrics.QuestionTimings;
import dev.ariadne.benchmarks.report.GraphInfo;
import dev.ariadne.benchmarks.report.ModelInfo;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.engine.mapping.MappingFile;
import dev.ariadne.engine.mapping.Mappings;
import dev.ariadne.models.training.synthetic.ClassNouns;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.InputFormat;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.ProgressMode;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import dev.ariadne.engine.train.GraphTraining;
import dev.ariadne.models.training.synthetic.GraphQuestions;
import dev.ariadne.models.training.synthetic.PhraseBook;
import dev.ariadne.models.training.synthetic.SyntheticOptions;
import dev.ariadne.models.training.synthetic.SyntheticQuestionFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link EngineSession} over Ariadne's public API: the graph loader fills an embedded database, the
 * planner trainer trains on the training split (candidate paths drawn from an in-memory copy of the same
 * triples, as {@code ariadne quickstart} does), and questions go through {@link Ariadne#ask}, exactly as
 * a user's would.
 */
public final class AriadneSession implements EngineSession {
    static final long PAGE_CACHE_MIB = 256;
    /** The questions a --train graph run wrote, beside the planner, for people to read. */
    static final String SYNTHETIC_QUESTIONS = "synthetic-questions.jsonl";

    private final PrintStream log;
    private Path dbDir;
    private Path kb;
    private KbFormat format;
    private DatasetKind kind;
    private List<Triple> triples;
    private TextEncoder encoder;
    private Ariadne ariadne;
    /** Over an existing graph ({@link #openExisting}): its mapping and its entities by display name; else null. */
    private GraphMapping mapping;
    private Map<String, List<Entity>> byName;
    private Map<String, Entity> byKey;

    public AriadneSession() {
        this(System.err);
    }

    public AriadneSession(PrintStream log) {
        this.log = log;
    }

    @Override
    public GraphInfo openGraph(Path dbDir, Path kb, KbFormat format, String kbSha256, DatasetKind kind) {
        this.dbDir = dbDir.toAbsolutePath().normalize();
        this.kb = kb;
        this.format = format;
        this.kind = kind;
        List<Triple> read = triples();
        if (KbMarker.matches(this.dbDir, kbSha256, kind)) {
            return new GraphInfo(this.dbDir.toString(), kbSha256, read.size(), true, 0);
        }
        prepareFolder(this.dbDir);
        KbMarker.markLoading(this.dbDir, kbSha256, kind);
        long t0 = System.nanoTime();
        Path file = kb;
        Path normalised = null;
        try {
            if (normalisesInverses()) {
                // IRN spells inverses out (r_inverse); the graph stores each fact once, forward.
                normalised = Files.createTempFile("ariadne-bench-kb", ".tsv");
                writeTsv(read, normalised);
                file = normalised;
            }
            LoadOptions options = LoadOptions.builder()
                    .format(format == KbFormat.PIPE ? InputFormat.METAQA : InputFormat.TSV)
                    .maxErrors(0).progress(ProgressMode.NONE).log(log).build();
            try (EmbeddedGraph graph = EmbeddedGraph.open(this.dbDir, PAGE_CACHE_MIB)) {
                GraphLoader.embedded(graph, options).load(List.of(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the knowledge base for loading", e);
        } finally {
            if (normalised != null) {
                try {
                    Files.deleteIfExists(normalised);
                } catch (IOException e) {
                    log.println("warning: could not delete " + normalised + ": " + e.getMessage());
                }
            }
        }
        KbMarker.write(this.dbDir, kbSha256, kind);
        return new GraphInfo(this.dbDir.toString(), kbSha256, read.size(), false, (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public GraphInfo openExisting(Path dbDir, java.util.Optional<Path> mappingFile) {
        this.dbDir = dbDir.toAbsolutePath().normalize();
        GraphMapping given = mappingFile.map(MappingFile::read).orElse(null);
        List<Entity> entities = new ArrayList<>();
        try (EmbeddedGraph graph = EmbeddedGraph.open(this.dbDir, PAGE_CACHE_MIB);
             Neo4jKnowledgeGraph g = Neo4jKnowledgeGraph.embedded(graph, false, Mappings.givenOrDetected(given, graph))) {
            mapping = g.mapping();
            triples = g.triples();
            g.entities().forEach(entities::add);
        }
        byName = new HashMap<>();
        byKey = new HashMap<>();
        for (Entity e : entities) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            byKey.put(e.key(), e);
        }
        log.printf("existing graph: %,d entities, %,d triples, %s%n", entities.size(), triples.size(),
                mapping.isAriadneLayout() ? "Ariadne's own layout" : "mapping of " + mapping.labels().size() + " labels"
                        + (mapping.attributeRelations().isEmpty() ? "" : " with attributes " + mapping.attributeRelations()));
        return new GraphInfo(this.dbDir.toString(), "existing graph", triples.size(), true, 0);
    }

    @Override
    public ModelInfo train(List<KgqaExample> train, Path modelFile, long seed) {
        List<TrainingExample> examples = examples(train);
        if (examples.isEmpty()) {
            throw new InvalidInputException("no usable training examples among " + train.size() + " questions");
        }
        InMemoryGraph copy = InMemoryGraph.of(triples());
        long t0 = System.nanoTime();
        TrainedPlanner planner = PlannerTrainer.train(examples, copy, copy, encoder(),
                TrainingOptions.builder().seed(seed).build());
        double seconds = (System.nanoTime() - t0) / 1e9;
        planner.save(modelFile);
        openEngine(modelFile);
        return new ModelInfo(true, seconds, examples.size(), modelFile.toAbsolutePath().normalize().toString(),
                FileHashes.sha256(modelFile));
    }

    @Override
    public ModelInfo trainFromGraph(List<KgqaExample> labelled, GraphSource source, Path modelFile, long seed) {
        List<TrainingExample> examples = examples(labelled);
        if (!labelled.isEmpty() && examples.isEmpty()) {
            throw new InvalidInputException("no usable training examples among " + labelled.size() + " labelled questions");
        }
        List<Triple> all = triples();
        InMemoryGraph copy = InMemoryGraph.of(all);
        long t0 = System.nanoTime();
        GraphMapping m = mapping == null ? GraphMapping.ariadneLayout() : mapping;
        GraphQuestions.Result questions = GraphTraining.questions(all, copy, key -> byKey == null ? null : byKey.get(key),
                PhraseBook.of(source.phrases().orElse(null), copy.relationCounts().keySet(), m.attributeRelations()),
                SyntheticOptions.builder().seed(seed).pathsPerLength(source.pathsPerLength())
                        .classNouns(ClassNouns.of(m)).build(), null);
        SyntheticQuestionFile.write(modelFile.resolveSibling(SYNTHETIC_QUESTIONS), questions.questions());
        log.println("graph questions: " + GraphQuestions.summary(questions));
        TrainedPlanner planner = GraphTraining.train(questions, examples, source.labelledWeight(), copy, encoder(),
                TrainingOptions.builder().seed(seed).build(), dev.ariadne.models.training.TrainingProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        planner.save(modelFile);
        openEngine(modelFile);
        return new ModelInfo(true, seconds, planner.manifest().trainingExamples(), modelFile.toAbsolutePath().normalize().toString(),
                FileHashes.sha256(modelFile));
    }

    @Override
    public ModelInfo loadPlanner(Path modelFile) {
        openEngine(modelFile);
        return new ModelInfo(false, 0, 0, modelFile.toAbsolutePath().normalize().toString(),
                FileHashes.sha256(modelFile));
    }

    @Override
    public ModelInfo useLlmPlanner(LlmEndpoint endpoint) {
        if (ariadne != null) {
            ariadne.close();
        }
        ariadne = (mapping == null ? Ariadne.builder() : Ariadne.builder().mapping(mapping)).embedded(dbDir).pageCacheMib(PAGE_CACHE_MIB)
                .planner(LlmPlanner.builder(OpenAiGeneratorProvider.chatModel(endpoint)).redacting(endpoint.apiKey()).build())
                .build();
        return new ModelInfo(false, 0, 0, "llm:" + endpoint.model() + "@" + endpoint.baseUrl(), "");
    }

    @Override
    public QuestionOutcome answer(KgqaExample example, boolean givenTopics) {
        if (ariadne == null) {
            throw new IllegalStateException("train or load a planner before answering");
        }
        long t0 = System.nanoTime();
        try {
            Answer a = givenTopics ? ariadne.ask(example.question(), topicKeys(example.topics())) : ariadne.ask(example.question());
            return AnswerConversion.toOutcome(example, a, byName != null);
        } catch (AriadneException e) {
            return QuestionOutcome.failed(example, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    new QuestionTimings(0, 0, 0, 0, System.nanoTime() - t0));
        }
    }

    @Override
    public void close() {
        try {
            if (ariadne != null) {
                ariadne.close();
            }
        } finally {
            if (encoder != null) {
                try {
                    encoder.close();
                } catch (Exception e) {
                    log.println("warning: closing the encoder failed: " + e.getMessage());
                }
            }
        }
    }

    /** The dataset's topics as keys: themselves, or over an existing graph the keys of the entities so named. */
    private List<String> topicKeys(List<String> topics) {
        if (byName == null) {
            return topics;
        }
        List<String> keys = new ArrayList<>();
        for (String t : topics) {
            byName.getOrDefault(t, List.of()).forEach(e -> keys.add(e.key()));
        }
        return keys.isEmpty() ? topics : keys;
    }

    private List<TrainingExample> examples(List<KgqaExample> train) {
        return byName == null ? trainingExamples(train) : namedTrainingExamples(train, byName);
    }

    /**
     * Over an existing graph, the dataset's topics and answers are names: each topic becomes every entity so
     * named (a person and a film may share one; the trainer keeps the one the answers are reachable from),
     * each answer every key so named, and the paths are found from the graph (its relation names are its own,
     * so the dataset's gold paths do not apply).
     */
    static List<TrainingExample> namedTrainingExamples(List<KgqaExample> train, Map<String, List<Entity>> byName) {
        List<TrainingExample> out = new ArrayList<>(train.size());
        for (KgqaExample e : train) {
            Set<String> answers = new HashSet<>();
            for (String a : e.answers()) {
                byName.getOrDefault(a, List.of()).forEach(x -> answers.add(x.key()));
            }
            if (answers.isEmpty()) {
                continue;
            }
            for (String topic : e.topics()) {
                for (Entity t : byName.getOrDefault(topic, List.of())) {
                    out.add(new TrainingExample(e.question(), t, topic, answers, null));
                }
            }
        }
        return out;
    }

    /**
     * One training example per (topic, gold path) pair: MetaQA and PathQuestion give one, WorldCup's
     * conjunctive questions one per topic. Without a gold path the trainer finds the paths to the answers
     * itself (weak supervision, as RoG does).
     */
    static List<TrainingExample> trainingExamples(List<KgqaExample> train) {
        List<TrainingExample> out = new ArrayList<>(train.size());
        for (KgqaExample e : train) {
            for (int i = 0; i < e.topics().size(); i++) {
                String topic = e.topics().get(i);
                RelationPath gold = e.goldPaths().size() == e.topics().size() ? e.goldPaths().get(i)
                        : e.goldPaths().size() == 1 ? e.goldPaths().get(0) : null;
                out.add(new TrainingExample(e.question(), Entity.named(topic), topic, new HashSet<>(e.answers()), gold));
            }
        }
        return out;
    }

    private void openEngine(Path modelFile) {
        if (ariadne != null) {
            ariadne.close();
        }
        var builder = Ariadne.builder().embedded(dbDir).pageCacheMib(PAGE_CACHE_MIB).plannerModel(modelFile)
                .encoder(encoder());
        ariadne = (mapping == null ? builder : builder.mapping(mapping)).build();
    }

    private TextEncoder encoder() {
        if (encoder == null) {
            encoder = TextEncoders.defaultEncoder();
        }
        return encoder;
    }

    private List<Triple> triples() {
        if (triples == null) {
            triples = format == KbFormat.PIPE ? KnowledgeBaseReader.metaQa(kb)
                    : KnowledgeBaseReader.irn(kb, normalisesInverses());
        }
        return triples;
    }

    private boolean normalisesInverses() {
        return kind == DatasetKind.PATHQUESTION || kind == DatasetKind.WORLDCUP;
    }

    /** Wipes a folder the runner made before (it has a marker); refuses one it did not make. */
    private static void prepareFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (!KbMarker.present(dir)) {
            throw new InvalidInputException("--db " + dir + " is not empty and was not made by ariadne bench (no "
                    + KbMarker.FILE + "); choose an empty or new folder");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old benchmark database in " + dir, e);
        }
    }

    private static void writeTsv(List<Triple> triples, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Triple t : triples) {
                w.write(t.subject() + '\t' + t.relation() + '\t' + t.object());
                w.newLine();
            }
        }
    }
}
