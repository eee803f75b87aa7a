package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;

/** The contract over Bolt to a server without the plugin: templated Cypher per hop. */
class CypherOverBoltTest extends RetrievalContract {
    private Neo4j server;
    private BoltGraph bolt;

    @Override
    protected GraphDatabaseService open() {
        server = TestServers.harness(false);
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
    void fallsBackToCypher() {
        assertTrue(access.describe().contains("via Cypher"), access.describe());
    }
}
