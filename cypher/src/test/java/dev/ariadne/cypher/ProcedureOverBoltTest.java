package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.cypher.connect.BoltGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;

/** The contract over Bolt to a server with {@code ariadne.expand}: retrieval calls the procedure. */
class ProcedureOverBoltTest extends RetrievalContract {
    private Neo4j server;
    private BoltGraph bolt;

    @Override
    protected GraphDatabaseService open() {
        server = TestServers.harness(true);
        return server.defaultDatabaseService();
    }

    @Override
    protected GraphAccess connect() {
        bolt = TestServers.bolt(server);
        return Neo4jGraphAccess.bolt(bolt);
    }

    @Override
    protected void close() {
        bolt.close();
        server.close();
    }

    @Test
    void detectsTheProcedure() {
        assertTrue(access.describe().contains("via ariadne.expand"), access.describe());
    }
}
