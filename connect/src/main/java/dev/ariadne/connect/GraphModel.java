package dev.ariadne.connect;

import org.neo4j.graphdb.Label;

/**
 * The names of Ariadne's graph model in Neo4j: {@code (:Entity {key, name})} nodes with a unique
 * constraint on {@code key}, a range index on {@code name} and a full-text index {@code entityNames} on
 * {@code name}; one relationship per distinct (subject, relation, object) whose type is the relation
 * name exactly. Relation types may hold any character, so Cypher must quote them with {@link #quote}.
 */
public final class GraphModel {
    public static final String ENTITY_LABEL = "Entity";
    public static final Label ENTITY = Label.label(ENTITY_LABEL);
    public static final String KEY = "key";
    public static final String NAME = "name";
    public static final String FULLTEXT_INDEX = "entityNames";

    private GraphModel() {
    }

    /** {@code `type`} with backticks doubled: the only safe way to put a type name into Cypher text. */
    public static String quote(String type) {
        return '`' + type.replace("`", "``") + '`';
    }
}
