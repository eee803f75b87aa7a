package dev.ariadne.loader;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/** The edges and names of an embedded graph's entities, read back with Cypher for assertions. */
final class GraphContents {
    private GraphContents() {
    }

    /** Every relationship between entities as {@code "s -type-> o"} by key, sorted. */
    static Set<String> edges(GraphDatabaseService db) {
        Set<String> out = new TreeSet<>();
        try (Transaction tx = db.beginTx()) {
            tx.execute("MATCH (s:Entity)-[r]->(o:Entity) RETURN s.key AS s, type(r) AS t, o.key AS o")
                    .forEachRemaining(row -> out.add(row.get("s") + " -" + row.get("t") + "-> " + row.get("o")));
        }
        return out;
    }

    /** Entity key -> name, sorted by key. */
    static Map<String, String> names(GraphDatabaseService db) {
        Map<String, String> out = new TreeMap<>();
        try (Transaction tx = db.beginTx()) {
            tx.execute("MATCH (e:Entity) RETURN e.key AS k, e.name AS n")
                    .forEachRemaining(row -> out.put((String) row.get("k"), (String) row.get("n")));
        }
        return out;
    }
}
