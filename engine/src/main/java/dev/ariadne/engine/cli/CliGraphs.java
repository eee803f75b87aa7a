package dev.ariadne.engine.cli;

import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;

/** Opens the graph that {@link GraphOptions} names, as the engine sees it. */
final class CliGraphs {
    private CliGraphs() {
    }

    /** The embedded database or the server; closing the result closes the database or the driver. */
    static Neo4jKnowledgeGraph open(GraphOptions graph) {
        return graph.isBolt() ? Neo4jKnowledgeGraph.bolt(graph.connectBolt(), true)
                : Neo4jKnowledgeGraph.embedded(graph.openEmbedded(), true);
    }

}
