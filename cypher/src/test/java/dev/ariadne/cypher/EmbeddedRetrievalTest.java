package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.cypher.procedures.ProcedureRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;

/** The contract on an embedded database (retrieval on the kernel cursors). */
class EmbeddedRetrievalTest extends RetrievalContract {
    private java.nio.file.Path dir;
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

    @Test
    void procedureRegisteredOnEmbeddedMatchesRetriever() {
        ProcedureRegistration.registerExpand(graph.database());
        List<List<String>> viaProcedure = new ArrayList<>();
        try (Transaction tx = graph.database().beginTx();
             var r = tx.execute("CALL ariadne.expand($e, $rels, {maxPaths: 5}) YIELD path, pathsFound, truncated "
                     + "RETURN path, pathsFound, truncated", Map.of("e", "star:h", "rels", List.of("spoke", "leaf")))) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                assertEquals(30L, row.get("pathsFound"));
                assertEquals(true, row.get("truncated"));
                List<String> keys = new ArrayList<>();
                ((Path) row.get("path")).nodes().forEach(n -> keys.add((String) n.getProperty("key")));
                viaProcedure.add(keys);
            }
        }
        assertEquals(keys(retrieve("star:h", "spoke,leaf", ALL.withMaxPaths(5))), viaProcedure);
        try (Transaction tx = graph.database().beginTx()) {
            QueryExecutionException e = assertThrows(QueryExecutionException.class, () -> tx.execute(
                    "CALL ariadne.expand('star:h', ['spoke'], {maxPath: 5})").resultAsString());
            assertTrue(e.getMessage().contains("did you mean 'maxPaths'?"), e.getMessage());
        }
    }
}
