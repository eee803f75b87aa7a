package dev.ariadne.cypher;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;

/** The contract for the Cypher mode forced on a server that does have the procedure. */
class CypherOverBoltWithProcedureTest extends RetrievalContract {
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
        return Neo4jGraphAccess.bolt(bolt, BoltRetriever.Mode.CYPHER);
    }

    @Override
    protected void close() {
        bolt.close();
        server.close();
    }
}
