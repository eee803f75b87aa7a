package dev.ariadne.cypher.mapping;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.text.EditDistance;
import dev.ariadne.connect.GraphModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.ConstraintType;

/**
 * Checks a mapping against a live database before any query uses it, failing with one line that names
 * the first problem and the nearest real names: an unknown label, a property no node of its label has, an
 * unknown relationship type, a key property that is not unique, an attribute named like a relationship type. Names are compared with the database's own
 * tokens first, so a label such as {@code Movie`) DETACH DELETE n //} is refused as unknown and never
 * reaches query text; the checks that do query (presence, duplicates) quote names that exist.
 */
public final class MappingCheck {
    private static final int SUGGESTIONS = 3;
    /** Nodes whose property keys feed a "did you mean" for a property. */
    private static final int SUGGESTION_SAMPLE = 200;

    private MappingCheck() {
    }

    /** Returns {@code mapping} when it fits the database; Ariadne's own layout always does (an empty store too). */
    public static GraphMapping check(GraphDatabaseService db, GraphMapping mapping) {
        if (mapping.isAriadneLayout()) {
            return mapping;
        }
        try (Transaction tx = db.beginTx()) {
            check(tx, mapping);
        }
        return mapping;
    }

    public static void check(Transaction tx, GraphMapping mapping) {
        Set<String> labels = names(tx.getAllLabelsInUse(), Label::name);
        Set<String> properties = new TreeSet<>();
        tx.getAllPropertyKeys().forEach(properties::add);
        for (EntityLabel l : mapping.labels()) {
            if (!labels.contains(l.label())) {
                throw new InvalidInputException("mapping: unknown label '" + l.label() + "'" + nearest(l.label(), labels)
                        + "; the database's labels are " + labels);
            }
            LinkedHashSet<String> used = new LinkedHashSet<>();
            l.keyProperty().ifPresent(used::add);
            used.addAll(l.nameProperties());
            used.addAll(l.aliasProperties());
            l.attributes().forEach(a -> used.add(a.property()));
            for (String p : used) {
                if (!properties.contains(p) || !hasProperty(tx, l.label(), p)) {
                    Set<String> own = sampledProperties(tx, l.label());
                    throw new InvalidInputException("mapping: no node labelled " + l.label() + " has a property '" + p + "'"
                            + nearest(p, own) + "; its properties are " + own);
                }
            }
            l.keyProperty().ifPresent(k -> checkUnique(tx, l.label(), k));
        }
        String[] clash = keyClash(tx, mapping);
        if (clash != null) {
            throw new InvalidInputException("mapping: the key '" + clash[2] + "' is on a " + clash[0] + " node and on a "
                    + clash[1] + " node; keys must be unique across labels: key " + clash[1]
                    + " nodes by element id (leave its \"key\" out) or by another property");
        }
        Set<String> types = names(tx.getAllRelationshipTypesInUse(), org.neo4j.graphdb.RelationshipType::name);
        List<String> listed = new ArrayList<>(mapping.includedTypes());
        listed.addAll(mapping.excludedTypes());
        for (String a : mapping.attributeRelations()) {
            if (types.contains(a)) {
                throw new InvalidInputException("mapping: the attribute '" + a + "' has the name of a relationship type; "
                        + "give it another \"relation\" name");
            }
        }
        for (String t : listed) {
            if (!types.contains(t)) {
                throw new InvalidInputException("mapping: unknown relationship type '" + t + "'" + nearest(t, types)
                        + "; the database has " + types.size() + " types");
            }
        }
    }

    /**
     * Two labels keyed by properties must not share a key value between different nodes: {label a, label b,
     * value} of the first such clash in the mapping's order, or null. One index seek per node of the earlier
     * label when the later one has an index on its key (a uniqueness constraint makes one).
     */
    static String[] keyClash(Transaction tx, GraphMapping mapping) {
        List<EntityLabel> keyed = mapping.labels().stream().filter(l -> l.keyProperty().isPresent()).toList();
        for (int i = 0; i < keyed.size(); i++) {
            for (int j = i + 1; j < keyed.size(); j++) {
                EntityLabel a = keyed.get(i);
                EntityLabel b = keyed.get(j);
                String ka = "a." + GraphModel.quote(a.keyProperty().get());
                try (Result r = tx.execute("MATCH (a:" + GraphModel.quote(a.label()) + ") WHERE " + ka + " IS NOT NULL "
                        + "MATCH (b:" + GraphModel.quote(b.label()) + ") WHERE b." + GraphModel.quote(b.keyProperty().get())
                        + " = " + ka + " AND b <> a RETURN " + ka + " AS k LIMIT 1")) {
                    if (r.hasNext()) {
                        return new String[] {a.label(), b.label(), String.valueOf(r.next().get("k"))};
                    }
                }
            }
        }
        return null;
    }

    /** A key must be unique among its label's nodes: a constraint says so, else the data is checked. */
    private static void checkUnique(Transaction tx, String label, String key) {
        for (ConstraintDefinition c : tx.schema().getConstraints(Label.label(label))) {
            List<String> ps = new ArrayList<>();
            c.getPropertyKeys().forEach(ps::add);
            if (ps.equals(List.of(key))
                    && (c.isConstraintType(ConstraintType.UNIQUENESS) || c.isConstraintType(ConstraintType.NODE_KEY))) {
                return;
            }
        }
        String p = GraphModel.quote(key);
        try (Result r = tx.execute("MATCH (n:" + GraphModel.quote(label) + ") WHERE n." + p + " IS NOT NULL "
                + "WITH n." + p + " AS k, count(*) AS c WHERE c > 1 RETURN k, c LIMIT 1")) {
            if (r.hasNext()) {
                Map<String, Object> row = r.next();
                throw new InvalidInputException("mapping: the key property " + label + "." + key + " is not unique ("
                        + row.get("c") + " nodes have the value '" + row.get("k") + "'); name a property with a "
                        + "uniqueness constraint, or leave \"key\" out to key " + label + " nodes by element id");
            }
        }
    }

    private static boolean hasProperty(Transaction tx, String label, String property) {
        try (Result r = tx.execute("MATCH (n:" + GraphModel.quote(label) + ") WHERE n." + GraphModel.quote(property)
                + " IS NOT NULL RETURN 1 AS one LIMIT 1")) {
            return r.hasNext();
        }
    }

    private static Set<String> sampledProperties(Transaction tx, String label) {
        Set<String> out = new TreeSet<>();
        try (ResourceIterator<Node> it = tx.findNodes(Label.label(label))) {
            for (int i = 0; i < SUGGESTION_SAMPLE && it.hasNext(); i++) {
                out.addAll(it.next().getAllProperties().keySet());
            }
        }
        return out;
    }

    private static String nearest(String wanted, Set<String> candidates) {
        List<String> near = EditDistance.closest(wanted, candidates, SUGGESTIONS);
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    private static <T> Set<String> names(Iterable<T> tokens, java.util.function.Function<T, String> name) {
        Set<String> out = new TreeSet<>();
        tokens.forEach(t -> out.add(name.apply(t)));
        return out;
    }
}
