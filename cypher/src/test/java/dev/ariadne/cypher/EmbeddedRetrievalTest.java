package dev.ariadne.cypher;

import dev.ariadne.cypher.connect.EmbeddedGraph;
import java.nio.file.Path;
import org.neo4j.graphdb.GraphDatabaseService;

/** The contract on an embedded database (Core API retrieval). */
class EmbeddedRetrievalTest extends RetrievalContract {
    private Path dir;
    private EmbeddedGraph graph;

    @Override
    protected GraphDatabaseService open() {
        dir = TestServers.tempDir("ariadne-embedded");
        graph = EmbeddedGraph.open(dir, 64);
        return graph.database();
    }

    @Override
    protected GraphAccess connect() {
        return Neo4jGraphAccess.embedded(graph);
    }

    @Override
    protected void close() {
        graph.close();
        TestServers.delete(dir);
    }
}
