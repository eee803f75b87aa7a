package dev.ariadne.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;
import java.util.function.Consumer;

/**
 * Repairs what older loaders left in a database folder: they wrote the data before creating the
 * constraint and indexes, so one key or name over Neo4j's index key limit left the constraint missing and
 * an index FAILED, and every later load failed on it. Such entities (which the loader now rejects when
 * reading) are removed with their relationships and reported, and the failed indexes dropped, so that
 * {@link EmbeddedWriter} can create them again.
 */
final class SchemaRepair {
    /** What a user can do when an index still cannot be built; appended to the one-line failure. */
    static final String ADVICE = " (to start over, delete the database folder and load the files again)";
    static final Set<String> ENTITY_INDEXES = Set.of(EntitySchema.KEY_CONSTRAINT, EntitySchema.NAME_INDEX,
            EntitySchema.FULLTEXT_INDEX);
    private static final Label ENTITY = Label.label(EntitySchema.ENTITY_LABEL);
    private static final int KEYS_SHOWN = 5;

    private final GraphDatabaseService db;

    SchemaRepair(GraphDatabaseService db) {
        this.db = db;
    }

    void repair(Consumer<String> notices) {
        Map<String, String> failed = new LinkedHashMap<>();
        boolean hasConstraint = false;
        boolean hasEntities;
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> any = tx.findNodes(ENTITY)) {
            hasEntities = any.hasNext();
            Schema schema = tx.schema();
            for (IndexDefinition index : schema.getIndexes()) {
                if (ENTITY_INDEXES.contains(index.getName())
                        && schema.getIndexState(index) == Schema.IndexState.FAILED) {
                    failed.put(index.getName(), firstLine(schema.getIndexFailure(index)));
                }
            }
            for (ConstraintDefinition c : schema.getConstraints(ENTITY)) {
                hasConstraint |= c.getName().equals(EntitySchema.KEY_CONSTRAINT);
            }
        }
        if (failed.isEmpty() && (hasConstraint || !hasEntities)) {
            return;
        }
        removeUnindexable(notices);
        if (failed.isEmpty()) {
            return;
        }
        try (Transaction tx = db.beginTx()) {
            Schema schema = tx.schema();
            for (String name : failed.keySet()) {
                if (name.equals(EntitySchema.KEY_CONSTRAINT) && hasConstraint) {
                    schema.getConstraintByName(name).drop();
                } else {
                    schema.getIndexByName(name).drop();
                }
            }
            tx.commit();
        }
        failed.forEach((name, why) -> notices.accept("index " + name + " was FAILED (" + why
                + "): dropped it; it is built again now"));
    }

    /** Removes entities whose key or name no range index can hold, with their relationships. */
    private void removeUnindexable(Consumer<String> notices) {
        List<String> keys = new ArrayList<>();
        long relationships = 0;
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> all = tx.findNodes(ENTITY)) {
            while (all.hasNext()) {
                Node n = all.next();
                if (!unindexable(n.getProperty(EntitySchema.KEY, null))
                        && !unindexable(n.getProperty(EntitySchema.NAME, null))) {
                    continue;
                }
                Object key = n.getProperty(EntitySchema.KEY, "");
                keys.add(String.valueOf(key));
                for (Relationship r : n.getRelationships()) {
                    r.delete();
                    relationships++;
                }
                n.delete();
            }
            tx.commit();
        }
        if (keys.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String k : keys.subList(0, Math.min(KEYS_SHOWN, keys.size()))) {
            shown.add("'" + k.substring(0, Math.min(40, k.length())) + (k.length() > 40 ? "...'" : "'"));
        }
        notices.accept(String.format(Locale.ROOT, "removed %,d entities (and their %,d relationships) whose key or"
                        + " name is longer than Neo4j's index key limit of %,d bytes, left by an earlier load"
                        + " that could not index them: keys %s%s", keys.size(), relationships,
                IndexKeyLimit.NEO4J_RANGE_KEY_BYTES, String.join(", ", shown),
                keys.size() > KEYS_SHOWN ? ", ..." : ""));
    }

    private static boolean unindexable(Object value) {
        return value instanceof String s && IndexKeyLimit.utf8Length(s) > IndexKeyLimit.NEO4J_RANGE_KEY_BYTES;
    }

    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
