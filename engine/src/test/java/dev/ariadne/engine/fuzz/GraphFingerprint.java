package dev.ariadne.engine.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;

/**
 * What a graph holds, to show that something left it unchanged: node and relationship counts and a SHA-256
 * over the sorted descriptions of every node (labels, properties), every relationship (type, endpoints'
 * keys, properties), every index (name, state) and every constraint.
 */
public record GraphFingerprint(long nodes, long relationships, String checksum) {

    public static GraphFingerprint of(GraphDatabaseService db) {
        List<String> items = new ArrayList<>();
        long nodes = 0;
        long relationships = 0;
        try (Transaction tx = db.beginTx()) {
            for (Node n : tx.getAllNodes()) {
                nodes++;
                List<String> labels = new ArrayList<>();
                for (Label l : n.getLabels()) {
                    labels.add(l.name());
                }
                labels.sort(null);
                items.add("N" + labels + new TreeMap<>(n.getAllProperties()));
            }
            for (Relationship r : tx.getAllRelationships()) {
                relationships++;
                items.add("R" + r.getType().name() + "|" + key(r.getStartNode()) + "|" + key(r.getEndNode()) + "|"
                        + new TreeMap<>(r.getAllProperties()));
            }
            for (IndexDefinition i : tx.schema().getIndexes()) {
                items.add("I" + i.getName() + "|" + i.getIndexType() + "|" + tx.schema().getIndexState(i));
            }
            for (ConstraintDefinition c : tx.schema().getConstraints()) {
                items.add("C" + c.getName() + "|" + c.getConstraintType());
            }
            tx.commit();
        }
        items.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String item : items) {
                sha.update(item.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return new GraphFingerprint(nodes, relationships, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Node n) {
        Map<String, Object> p = n.getAllProperties();
        return String.valueOf(p.get("key"));
    }
}
