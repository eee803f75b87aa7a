package dev.ariadne.loader;

import java.util.Map;
import java.util.TreeMap;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/** What is in an embedded graph, read back with Cypher for assertions. */
record GraphCounts(long entities, long relationships, Map<String, Long> perType) {
    static GraphCounts of(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            long entities = (Long) tx.execute("MATCH (n:Entity) RETURN count(n) AS c").next().get("c");
            long rels = (Long) tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
            Map<String, Long> perType = new TreeMap<>();
            try (Result r = tx.execute("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")) {
                r.forEachRemaining(row -> perType.put((String) row.get("t"), (Long) row.get("c")));
            }
            return new GraphCounts(entities, rels, perType);
        }
    }
}
