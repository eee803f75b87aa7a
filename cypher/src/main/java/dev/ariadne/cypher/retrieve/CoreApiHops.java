package dev.ariadne.cypher.retrieve;

import dev.ariadne.cypher.GraphModel;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;

/**
 * Typed per-hop expansion on the Core API inside one transaction:
 * {@code node.getRelationships(direction, type)} reads only the relationships of the hop's type, which
 * on dense nodes are stored in per-type groups, so a hub's other relationships cost nothing.
 * Used by the embedded retriever and the {@code ariadne.expand} procedure.
 */
public final class CoreApiHops implements HopSource<Node, Relationship> {
    private final Transaction tx;
    private final Map<Node, String> keys = new HashMap<>();

    public CoreApiHops(Transaction tx) {
        this.tx = tx;
    }

    /** The entity with this key, or null. */
    public Node find(String key) {
        return tx.findNode(GraphModel.ENTITY, GraphModel.KEY, key);
    }

    @Override
    public void expand(List<Node> frontier, DirectedRelation hop, EdgeSink<Node, Relationship> sink) {
        RelationshipType type = RelationshipType.withName(hop.type());
        Direction dir = hop.isInverse() ? Direction.INCOMING : Direction.OUTGOING;
        for (Node from : frontier) {
            try (ResourceIterable<Relationship> rels = from.getRelationships(dir, type)) {
                for (Relationship r : rels) {
                    Node to = r.getOtherNode(from);
                    String key = key(to);
                    if (key != null) {
                        sink.edge(from, r, to, key);
                    }
                }
            }
        }
    }

    /** The node's key (cached for this transaction), or null when it has none. */
    public String key(Node node) {
        String k = keys.get(node);
        if (k == null && !keys.containsKey(node)) {
            Object v = node.getProperty(GraphModel.KEY, null);
            k = v == null ? null : v.toString();
            keys.put(node, k);
        }
        return k;
    }

    public Entity entity(Node node, String key) {
        Object name = node.getProperty(GraphModel.NAME, null);
        return new Entity(key, name == null ? key : name.toString());
    }
}
