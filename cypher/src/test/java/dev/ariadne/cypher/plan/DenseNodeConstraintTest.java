package dev.ariadne.cypher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.cypher.TestGraphs;
import dev.ariadne.cypher.TestServers;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The planning constraint at a dense node (Neo4j stores a node with 50 or more relationships by type,
 * and {@code nextRelationTypes} then reads it type by type, stopping at the first valid neighbour): the
 * relations, sizes and their exclusions must be those of reading every relationship.
 */
class DenseNodeConstraintTest {
    private TestServers.TempGraph graph;
    private EmbeddedGraphConstraint constraint;

    @BeforeEach
    void open() {
        graph = TestServers.embedded("ariadne-dense-constraint");
        TestGraphs graphs = new TestGraphs(graph.database());
        List<Triple> triples = new ArrayList<>();
        triples.add(new Triple("T", "t", "H"));              // topic -> hub: the prefix [t]
        for (int i = 0; i < 80; i++) {
            triples.add(new Triple("H", "a", "n" + i));     // a: out, 80 neighbours
        }
        for (int i = 0; i < 60; i++) {
            triples.add(new Triple("m" + (i % 30), "b", "H"));   // ~b: in, 30 distinct neighbours, 60 relationships
        }
        triples.add(new Triple("H", "c", "H"));             // c: a self-loop, both ways
        triples.add(new Triple("H", "back", "T"));          // back: only to the topic, never counted
        triples.add(new Triple("H", "t", "x"));             // t again, another relationship than the prefix's
        graphs.add(triples);
        // ~k: only from neighbours without a key, so retrieval can never take it
        try (Transaction tx = graph.database().beginTx()) {
            Node hub = tx.findNode(Label.label("Entity"), "key", "H");
            for (int i = 0; i < 20; i++) {
                tx.createNode(Label.label("Entity")).createRelationshipTo(hub, RelationshipType.withName("k"));
            }
            tx.commit();
        }
        constraint = new EmbeddedGraphConstraint(graph.database(), new SchemaCache(new EmbeddedSchemaReader(graph.database())));
    }

    @AfterEach
    void close() {
        graph.close();
    }

    @Test
    void typesAtADenseNodeEqualThoseOfReadingEveryRelationship() {
        RelationPath prefix = RelationPath.parse("t");
        Map<String, Long> sizes = new TreeMap<>();
        for (RelationFrontier f : constraint.nextRelations(Entity.named("T"), prefix)) {
            sizes.put(f.relation().format(), f.frontierSize());
        }
        assertEquals(Map.of("a", 80L, "~b", 30L, "c", 1L, "~c", 1L, "t", 1L), sizes);
        List<String> types = new ArrayList<>();
        for (DirectedRelation r : constraint.nextRelationTypes(Entity.named("T"), prefix)) {
            types.add(r.format());
        }
        assertEquals(new ArrayList<>(sizes.keySet()).stream().sorted(this::byRelation).toList(), types);
    }

    private int byRelation(String x, String y) {
        return DirectedRelation.parse(x).compareTo(DirectedRelation.parse(y));
    }
}
