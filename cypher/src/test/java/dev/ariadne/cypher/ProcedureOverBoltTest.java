package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.cypher.procedures.ExpandConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;

/** The contract over Bolt to a server with the plugin's procedures: retrieval calls {@code ariadne.retrieve}. */
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
        assertTrue(access.describe().contains("via ariadne.retrieve"), access.describe());
    }

    /** {@code ariadne.retrieve}'s one row holds exactly what {@code ariadne.expand}'s rows hold, in the same order. */
    @Test
    void retrieveRowAgreesWithExpandRows() {
        GraphDatabaseService db = server.defaultDatabaseService();
        List<RandomQuery> queries = randomQueries(new Random(seed() + 2), 60);
        for (int q = 0; q < queries.size(); q++) {
            RandomQuery rq = queries.get(q);
            List<String> relations = new ArrayList<>();
            rq.path().hops().forEach(h -> relations.add(h.format()));
            Map<String, Object> params = Map.of("e", rq.topic(), "rels", relations, "config", ExpandConfig.toMap(rq.limits()));
            String what = "query " + q + ": " + rq + replay();
            try (Transaction tx = db.beginTx()) {
                List<Object> keys = new ArrayList<>();
                List<Object> names = new ArrayList<>();
                boolean truncated = false;
                long found = 0;
                long cut = 0;
                try (var rows = tx.execute("CALL ariadne.expand($e, $rels, $config) YIELD keys, names, truncated, pathsFound, frontierCut "
                        + "RETURN keys, names, truncated, pathsFound, frontierCut", params)) {
                    while (rows.hasNext()) {
                        Map<String, Object> row = rows.next();
                        if (row.get("keys") != null) {
                            keys.add(row.get("keys"));
                            names.add(row.get("names"));
                        }
                        truncated = (Boolean) row.get("truncated");
                        found = (Long) row.get("pathsFound");
                        cut = (Long) row.get("frontierCut");
                    }
                }
                List<Map<String, Object>> one = tx.execute("CALL ariadne.retrieve($e, $rels, $config)", params).stream().toList();
                assertEquals(1, one.size(), what);
                assertEquals(keys, one.get(0).get("keys"), what);
                assertEquals(names, one.get(0).get("names"), what);
                assertEquals(truncated, one.get(0).get("truncated"), what);
                assertEquals(found, one.get(0).get("pathsFound"), what);
                assertEquals(cut, one.get(0).get("frontierCut"), what);
            }
        }
    }
}
