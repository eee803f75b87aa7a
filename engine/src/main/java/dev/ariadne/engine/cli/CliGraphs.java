package dev.ariadne.engine.cli;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.engine.mapping.MappingFile;
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
        GraphMapping given = givenMapping(graph);
        EmbeddedGraph embedded = graph.openEmbedded();
        GraphMapping mapping;
        try {
            mapping = mapping(given, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
        return Neo4jKnowledgeGraph.embedded(embedded, true, mapping);
    }

    /** The {@code --mapping} file read and shape-checked, or null; read before the database starts, so a broken file costs no start-up. */
    static GraphMapping givenMapping(GraphOptions graph) {
        return graph.mappingFile() == null ? null : MappingFile.read(graph.mappingFile());
    }

    /** {@code given}, else the mapping detected from the database; not yet checked against it. */
    static GraphMapping mapping(GraphMapping given, EmbeddedGraph embedded) {
        return dev.ariadne.engine.mapping.Mappings.givenOrDetected(given, embedded);
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
