package dev.ariadne.engine.server;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.engine.quickstart.QuickstartData;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.ProgressMode;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What a real-server plugin test sets up besides the server: a small planner trained on the quickstart
 * questions and the quickstart graph loaded over Bolt. Shared by PluginIT and, through the engine's
 * test-jar, the langchain4j module's PluginGenerationIT.
 */
public final class PluginFixtures {
    private PluginFixtures() {
    }

    /** A small planner on the quickstart questions (3 per template, to keep the tests short), saved to {@code file}. */
    public static void trainPlanner(Path file) {
        QuickstartData data = QuickstartData.load();
        InMemoryGraph g = InMemoryGraph.of(data.triples());
        try (TextEncoder encoder = TextEncoders.defaultEncoder()) {
            TrainedPlanner p = PlannerTrainer.train(data.trainingExamples(3), g, g, encoder,
                    TrainingOptions.builder().seed(7).maxCandidates(64).build());
            p.save(file);
        }
    }

    /** Loads the quickstart graph into the server over Bolt (the file is written in {@code dir}). */
    public static void loadQuickstart(BoltGraph bolt, Path dir) throws java.io.IOException {
        Path graph = QuickstartData.load().writeGraph(dir.resolve("graph.txt"));
        GraphLoader.bolt(bolt, LoadOptions.builder().progress(ProgressMode.NONE).build()).load(List.of(graph));
    }
}
