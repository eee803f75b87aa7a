package dev.ariadne.cypher.plan;

import dev.ariadne.cypher.retrieve.CoreApiHops;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;

/**
 * {@link GraphConstraint} on the Core API: follows the prefix with retrieval's semantics, then reads
 * every relationship of the entities it reaches. A relation is reported with the number of distinct
 * entities it reaches, never counting the topic (a path ending there is dropped by retrieval) nor a
 * relationship every prefix path already used: exactly the relations whose extended path is non-empty.
 */
public final class EmbeddedGraphConstraint implements GraphConstraint {
    private final GraphDatabaseService db;
    private final SchemaCache schema;

    public EmbeddedGraphConstraint(GraphDatabaseService db, SchemaCache schema) {
        this.db = Objects.requireNonNull(db, "db");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix) {
        schema.validate(prefix);
        try (Transaction tx = db.beginTx()) {
            return nextRelations(tx, topic, prefix);
        }
    }

    public static List<RelationFrontier> nextRelations(Transaction tx, Entity topic, RelationPath prefix) {
        CoreApiHops hops = new CoreApiHops(tx);
        Node start = hops.find(topic.key());
        if (start == null) {
            throw new EntityNotFoundException(topic.key(), "no :Entity has this key");
        }
        Map<Node, Set<Relationship>> ends = PrefixFrontier.ends(hops, start, topic.key(), prefix);
        PrefixFrontier.Tally tally = new PrefixFrontier.Tally();
        for (Map.Entry<Node, Set<Relationship>> e : ends.entrySet()) {
            Node u = e.getKey();
            Set<Relationship> used = e.getValue();
            for (Direction d : new Direction[] {Direction.OUTGOING, Direction.INCOMING}) {
                try (ResourceIterable<Relationship> rels = u.getRelationships(d)) {
                    for (Relationship r : rels) {
                        if (used.contains(r)) {
                            continue;
                        }
                        Node v = r.getOtherNode(u);
                        if (v.equals(start) || hops.key(v) == null) {
                            continue;
                        }
                        String type = r.getType().name();
                        if (DirectedRelation.typeProblem(type) != null) {
                            continue;
                        }
                        tally.add(d == Direction.OUTGOING ? DirectedRelation.forward(type) : DirectedRelation.backward(type), v);
                    }
                }
            }
        }
        return tally.frontiers();
    }
}
