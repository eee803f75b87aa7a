package dev.ariadne.engine.quickstart;

import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.engine.Ariadne;
import dev.ariadne.engine.graph.KnowledgeGraph;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.engine.trace.TraceText;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.PlannerManifest;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import dev.ariadne.engine.train.GraphTraining;
import dev.ariadne.models.training.synthetic.GraphQuestions;
import dev.ariadne.models.training.synthetic.PhraseBook;
import dev.ariadne.models.training.synthetic.SyntheticQuestion;
import dev.ariadne.models.training.synthetic.SyntheticOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The quickstart: load the example graph into an embedded database, train a planner on the example
 * questions, and answer the demo questions with their traces. Needs no server and no downloads.
 *
 * <p>Everything goes in one embedded database folder (default {@code ./ariadne-data/quickstart}, kept
 * apart from the default graph in {@code ./ariadne-data}): the Neo4j store, {@code graph.txt} (the
 * triples) and {@code planner.ariadne} (the trained planner, where {@code ariadne ask --db FOLDER}
 * looks for it). Running it again reuses the store (loading is idempotent) and retrains (deterministic
 * for the seed).
 */
public final class Quickstart {
    public static final Path DEFAULT_FOLDER = Path.of("ariadne-data", "quickstart");
    public static final long SEED = 7;
    /** The planner's file name inside a database folder, where {@code ariadne ask} looks by default. */
    public static final String MODEL_FILE_NAME = "planner.ariadne";
    /** Filled-in questions per template: enough to learn every path, few enough to train in seconds. */
    public static final int QUESTIONS_PER_TEMPLATE = 8;
    /** Paths sampled per length with --from-graph: the example graph is small, so a few hundred cover it. */
    static final int GRAPH_PATHS_PER_LENGTH = 300;

    /** What one run did: the answers to the demo questions and how many matched the expected ones. */
    public record Result(List<DemoQuestion> questions, List<Answer> answers, int correct, Path database, Path model,
                         PlannerManifest manifest) {
    }

    private Quickstart() {
    }

    public static Path databaseFolder(Path folder) {
        return folder;
    }

    public static Path modelFile(Path folder) {
        return folder.resolve(MODEL_FILE_NAME);
    }

    public static Result run(Path folder, PrintWriter out, boolean showTraces) {
        return run(folder, out, showTraces, false);
    }

    /**
     * @param fromGraph train on questions written from the example graph alone ({@code --from-graph}) instead of
     *                  its hand-written templates
     */
    public static Result run(Path folder, PrintWriter out, boolean showTraces, boolean fromGraph) {
        long t0 = System.nanoTime();
        QuickstartData data = QuickstartData.load();
        Path graphFile = data.writeGraph(folder.resolve("graph.txt"));
        Path dbFolder = databaseFolder(folder);
        Path model = modelFile(folder);
        out.printf(Locale.ROOT, "Ariadne quickstart: example graph of invented films (%d triples) in %s%n",
                data.triples().size(), dbFolder.toAbsolutePath().normalize());
        try (EmbeddedGraph db = EmbeddedGraph.open(dbFolder, 128)) {
            LoadReport report = GraphLoader.embedded(db, LoadOptions.builder().progress(ProgressMode.NONE).build())
                    .load(List.of(graphFile));
            out.printf(Locale.ROOT, "  loaded %d new triples (%d already there), %d new entities, in %.1f s%n",
                    report.triplesLoaded(), report.duplicates(), report.entitiesCreated(), report.elapsed().toMillis() / 1000.0);
            try (KnowledgeGraph graph = Neo4jKnowledgeGraph.embedded(db, false);
                 TextEncoder encoder = TextEncoders.defaultEncoder()) {
                long tt = System.nanoTime();
                // Candidate paths come from an in-memory copy of the same triples (same path semantics,
                // no transaction per constraint call): training then takes seconds instead of minutes.
                InMemoryGraph copy = InMemoryGraph.of(data.triples());
                List<TrainingExample> examples;
                String source;
                if (fromGraph) {
                    GraphQuestions.Result written = GraphTraining.questions(data.triples(), copy, key -> null,
                            PhraseBook.derived(copy.relationCounts().keySet()),
                            SyntheticOptions.builder().seed(SEED).pathsPerLength(GRAPH_PATHS_PER_LENGTH).build(), null);
                    examples = SyntheticQuestion.toTrainingExamples(written.questions());
                    source = "written from the graph alone";
                } else {
                    examples = data.trainingExamples(QUESTIONS_PER_TEMPLATE);
                    source = data.templates().size() + " templates";
                }
                TrainedPlanner trained = PlannerTrainer.train(examples, copy, copy, encoder,
                        TrainingOptions.builder().seed(SEED).maxCandidates(96).build());
                trained.save(model);
                PlannerManifest m = trained.manifest();
                out.printf(Locale.ROOT, "  trained the planner on %d questions (%s, 1-3 hops) in %.1f s: %s%n",
                        examples.size(), source, (System.nanoTime() - tt) / 1e9, validation(m));
                out.println("  saved the planner to " + model.toAbsolutePath().normalize());
                PathPlanner planner = PathPlanner.builder().encoder(encoder).model(trained).build();
                try (Ariadne ariadne = Ariadne.builder().graph(graph).planner(planner).build()) {
                    List<DemoQuestion> questions = data.demoQuestions();
                    List<Answer> answers = new ArrayList<>();
                    int correct = 0;
                    for (DemoQuestion q : questions) {
                        Answer a = ariadne.ask(q.question());
                        answers.add(a);
                        boolean ok = new TreeSet<>(a.names()).equals(q.expected());
                        correct += ok ? 1 : 0;
                        out.println();
                        out.println("Q: " + q.question());
                        out.println("A: " + a.sentence() + (ok ? "   [matches the graph]" : "   [expected " + String.join(", ", q.expected()) + "]"));
                        if (showTraces) {
                            out.print(indent(TraceText.render(a.trace())));
                        }
                    }
                    out.println();
                    out.printf(Locale.ROOT, "%d of %d answers match the graph; whole quickstart took %.1f s.%n", correct,
                            questions.size(), (System.nanoTime() - t0) / 1e9);
                    out.println("Ask your own: ariadne ask --db " + folder + " \"Who wrote Quiet Engines?\"");
                    out.flush();
                    return new Result(questions, answers, correct, dbFolder, model, m);
                }
            }
        }
    }

    private static String validation(PlannerManifest m) {
        return m.validation() == null ? "no validation split"
                : String.format(Locale.ROOT, "path accuracy %.1f%% on %d held-out questions",
                100 * m.validation().pathAccuracy(), m.validation().examples());
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            sb.append("   ").append(line).append('\n');
        }
        return sb.toString();
    }
}
