package dev.ariadne.cypher;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.MappedNameIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * The contract on a graph in a layout of its own, read through a {@link GraphMapping}: the fixtures are
 * written as usual, then moved out of Ariadne's layout ({@code :Thing {id, title}}, the films also
 * {@code :Film {id, label}}, which comes first in the mapping), with an unmapped {@code :Audit} node tied to
 * a film by an excluded type. Every contract test must hold unchanged: same keys, names, paths, caps,
 * lookups and schema.
 */
class MappedRetrievalTest extends RetrievalContract {
    static final GraphMapping MAPPING = GraphMapping.builder()
            .label(EntityLabel.of("Film", "id", List.of("label", "title"), List.of()))
            .label(EntityLabel.of("Thing", "id", List.of("title"), List.of()))
            .exclude(List.of("audited"))
            .build();

    private java.nio.file.Path dir;
    private EmbeddedGraph graph;

    @Override
    protected GraphDatabaseService open() {
        dir = TestServers.tempDir("ariadne-mapped");
        graph = EmbeddedGraph.open(dir, 64);
        return graph.database();
    }

    @Override
    protected GraphAccess connect() {
        GraphDatabaseService db = graph.database();
        try (Transaction tx = db.beginTx()) {
            tx.execute("MATCH (n:Entity) SET n:Thing, n.id = n.key, n.title = n.name REMOVE n:Entity, n.key, n.name");
            tx.execute("MATCH (n:Thing) WHERE n.id STARTS WITH 'mv:m' SET n:Film, n.label = n.title");
            tx.execute("MATCH (m:Film {id: 'mv:m1'}) CREATE (:Audit {id: 'mv:m1', by: 'script'})-[:audited]->(m)");
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.execute("CREATE CONSTRAINT thing_id IF NOT EXISTS FOR (n:Thing) REQUIRE n.id IS UNIQUE");
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(2, TimeUnit.MINUTES);
        }
        MappedNameIndex.create(db, MAPPING, false, 120);
        return Neo4jGraphAccess.embedded(graph, MAPPING);
    }

    @Override
    protected void close() {
        graph.close();
        TestServers.delete(dir);
    }
}
