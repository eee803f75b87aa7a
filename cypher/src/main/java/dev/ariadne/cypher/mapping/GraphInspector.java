package dev.ariadne.cypher.mapping;

import dev.ariadne.connect.GraphModel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.ConstraintType;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;
import org.neo4j.graphdb.schema.Schema;

/**
 * Reads what a database holds, for proposing and checking a mapping: labels and their node counts,
 * property coverage and value kinds from a sample of each label, single-property uniqueness constraints,
 * relationship types with the labels they join (sampled), and full-text indexes. Only the Core API is used;
 * the one Cypher query (a count per label) quotes a label the database itself reported.
 */
public final class GraphInspector {
    /** Nodes per label, and relationships per type, read for the property and signature figures. */
    public static final int SAMPLE = 2_000;

    private GraphInspector() {
    }

    public static GraphInspection inspect(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            return inspect(tx);
        }
    }

    public static GraphInspection inspect(Transaction tx) {
        Schema schema = tx.schema();
        List<GraphInspection.LabelInfo> labels = new ArrayList<>();
        for (Label label : tx.getAllLabelsInUse()) {
            long nodes = (Long) tx.execute("MATCH (n:" + GraphModel.quote(label.name()) + ") RETURN count(n) AS c")
                    .columnAs("c").next();
            if (nodes > 0) {
                labels.add(label(tx, schema, label, nodes));
            }
        }
        labels.sort(Comparator.comparingLong(GraphInspection.LabelInfo::nodes).reversed()
                .thenComparing(GraphInspection.LabelInfo::name));
        TreeMap<String, GraphInspection.RelationshipInfo> relationships = new TreeMap<>();
        for (RelationshipType type : tx.getAllRelationshipTypesInUse()) {
            relationships.put(type.name(), relationship(tx, type));
        }
        TreeMap<String, GraphInspection.FullTextIndex> fullText = new TreeMap<>();
        for (IndexDefinition index : schema.getIndexes()) {
            if (index.getIndexType() == IndexType.FULLTEXT && index.isNodeIndex()) {
                List<String> ls = new ArrayList<>();
                index.getLabels().forEach(l -> ls.add(l.name()));
                List<String> ps = new ArrayList<>();
                index.getPropertyKeys().forEach(ps::add);
                fullText.put(index.getName(), new GraphInspection.FullTextIndex(ls, ps,
                        schema.getIndexState(index) == Schema.IndexState.ONLINE));
            }
        }
        return new GraphInspection(labels, relationships, fullText);
    }

    private static GraphInspection.LabelInfo label(Transaction tx, Schema schema, Label label, long nodes) {
        Map<String, long[]> present = new HashMap<>();
        Map<String, Map<String, Long>> kinds = new HashMap<>();
        Map<String, Set<Object>> values = new HashMap<>();
        long sampled = 0;
        try (ResourceIterator<Node> it = tx.findNodes(label)) {
            while (it.hasNext() && sampled < SAMPLE) {
                Node n = it.next();
                sampled++;
                for (Map.Entry<String, Object> p : n.getAllProperties().entrySet()) {
                    present.computeIfAbsent(p.getKey(), k -> new long[1])[0]++;
                    kinds.computeIfAbsent(p.getKey(), k -> new HashMap<>()).merge(kind(p.getValue()), 1L, Long::sum);
                    values.computeIfAbsent(p.getKey(), k -> new HashSet<>()).add(comparable(p.getValue()));
                }
            }
        }
        List<String> keys = new ArrayList<>(present.keySet());
        keys.sort(Comparator.comparingLong((String k) -> present.get(k)[0]).reversed().thenComparing(k -> k));
        Map<String, GraphInspection.PropertyInfo> properties = new LinkedHashMap<>();
        for (String k : keys) {
            List<String> ks = new ArrayList<>(kinds.get(k).keySet());
            ks.sort(Comparator.comparingLong((String x) -> kinds.get(k).get(x)).reversed().thenComparing(x -> x));
            properties.put(k, new GraphInspection.PropertyInfo(present.get(k)[0], ks, values.get(k).size()));
        }
        List<String> unique = new ArrayList<>();
        for (ConstraintDefinition c : schema.getConstraints(label)) {
            List<String> ps = new ArrayList<>();
            c.getPropertyKeys().forEach(ps::add);
            if (ps.size() == 1 && (c.isConstraintType(ConstraintType.UNIQUENESS) || c.isConstraintType(ConstraintType.NODE_KEY))) {
                unique.add(ps.get(0));
            }
        }
        unique.sort(null);
        return new GraphInspection.LabelInfo(label.name(), nodes, sampled, properties, unique);
    }

    private static GraphInspection.RelationshipInfo relationship(Transaction tx, RelationshipType type) {
        long count = (Long) tx.execute("MATCH ()-[r:" + GraphModel.quote(type.name()) + "]->() RETURN count(r) AS c")
                .columnAs("c").next();
        TreeMap<String, Long> signatures = new TreeMap<>();
        try (ResourceIterator<Relationship> it = tx.findRelationships(type)) {
            for (int n = 0; n < SAMPLE && it.hasNext(); n++) {
                Relationship r = it.next();
                signatures.merge(labels(r.getStartNode()) + "->" + labels(r.getEndNode()), 1L, Long::sum);
            }
        }
        return new GraphInspection.RelationshipInfo(count, signatures);
    }

    private static String labels(Node n) {
        List<String> ls = new ArrayList<>();
        n.getLabels().forEach(l -> ls.add(l.name()));
        ls.sort(null);
        return ls.isEmpty() ? "()" : String.join(":", ls);
    }

    /** Arrays compare by identity; their contents stand for them when counting distinct values. */
    private static Object comparable(Object v) {
        return v.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {v}) : v;
    }

    /** The Cypher type name of a property value. */
    static String kind(Object v) {
        if (v instanceof String) {
            return "STRING";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "INTEGER";
        }
        if (v instanceof Double || v instanceof Float) {
            return "FLOAT";
        }
        if (v instanceof Boolean) {
            return "BOOLEAN";
        }
        if (v instanceof LocalDate) {
            return "DATE";
        }
        if (v instanceof ZonedDateTime) {
            return "DATETIME";
        }
        if (v instanceof LocalDateTime) {
            return "LOCAL DATETIME";
        }
        if (v instanceof LocalTime || v instanceof OffsetTime) {
            return "TIME";
        }
        if (v instanceof TemporalAmount) {
            return "DURATION";
        }
        if (v.getClass().isArray()) {
            Class<?> c = v.getClass().getComponentType();
            String element = c == String.class ? "STRING" : c == long.class || c == int.class || c == short.class
                    || c == byte.class ? "INTEGER" : c == double.class || c == float.class ? "FLOAT"
                    : c == boolean.class ? "BOOLEAN" : c == char.class ? "STRING" : "ANY";
            return "LIST<" + element + ">";
        }
        return "ANY";
    }
}
