package dev.ariadne.cypher;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.graph.Triple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Writes fixture graphs in Ariadne's model with the Core API (keys, names and types are values, never
 * Cypher text). Remembers every triple it wrote so tests can rebuild the expected schema.
 */
public final class TestGraphs {
    private final GraphDatabaseService db;
    private final List<Triple> written = new ArrayList<>();

    public TestGraphs(GraphDatabaseService db) {
        this.db = db;
        createSchema(db);
    }

    /** The constraint and indexes the loader creates. */
    public static void createSchema(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            tx.execute("CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE");
            tx.execute("CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)");
            tx.execute("CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]");
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(2, TimeUnit.MINUTES);
        }
    }

    /** Adds triples; entity names default to keys, or come from {@code names}. */
    public void add(Collection<Triple> triples, Map<String, String> names) {
        try (Transaction tx = db.beginTx()) {
            for (Triple t : triples) {
                Node s = node(tx, t.subject(), names);
                Node o = node(tx, t.object(), names);
                s.createRelationshipTo(o, RelationshipType.withName(t.relation()));
                written.add(t);
            }
            tx.commit();
        }
    }

    public void add(Collection<Triple> triples) {
        add(triples, Map.of());
    }

    /** An entity with no relationships. */
    public void addEntity(String key, String name) {
        try (Transaction tx = db.beginTx()) {
            node(tx, key, Map.of(key, name));
            tx.commit();
        }
    }

    public List<Triple> written() {
        return List.copyOf(written);
    }

    public long nodeCount() {
        try (Transaction tx = db.beginTx()) {
            return (Long) tx.execute("MATCH (n) RETURN count(n) AS c").next().get("c");
        }
    }

    public long relationshipCount() {
        try (Transaction tx = db.beginTx()) {
            return (Long) tx.execute("MATCH ()-[r]->() RETURN count(r) AS c").next().get("c");
        }
    }

    private static Node node(Transaction tx, String key, Map<String, String> names) {
        Node n = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, key);
        if (n == null) {
            n = tx.createNode(GraphModel.ENTITY);
            n.setProperty(GraphModel.KEY, key);
            n.setProperty(GraphModel.NAME, names.getOrDefault(key, key));
        }
        return n;
    }

    public static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
