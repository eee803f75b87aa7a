package dev.ariadne.engine.cli;

import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import java.nio.file.Files;

/** Opens the graph that {@link GraphOptions} names, as the engine sees it. */
final class CliGraphs {
    private CliGraphs() {
    }

    /** The embedded database or the server; closing the result closes the database or the driver. */
    static Neo4jKnowledgeGraph open(GraphOptions graph) {
        if (graph.isBolt()) {
            return Neo4jKnowledgeGraph.bolt(graph.connectBolt(), true);
        }
        requireEmbeddedFolder(graph);
        return Neo4jKnowledgeGraph.embedded(graph.openEmbedded(), true);
    }

    /**
     * Only {@code load} and {@code quickstart} create a database: opening a missing folder here would
     * leave an empty database behind and then fail with "no entities" after the startup time.
     */
    static void requireEmbeddedFolder(GraphOptions graph) {
        if (!graph.isBolt() && !Files.isDirectory(graph.folder())) {
            throw new GraphUnavailableException("no database in " + graph.folder()
                    + ": load one first with 'ariadne load FILE' (or name another folder with --db)", null);
        }
    }
}
