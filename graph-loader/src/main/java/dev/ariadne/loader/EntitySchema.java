package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import java.util.List;

/**
 * The constraint and indexes the loader creates for Ariadne's graph model (names shared with
 * {@link dev.ariadne.connect.GraphModel}), and the one checked way a relation type enters Cypher text.
 * How Ariadne lays a knowledge graph out in Neo4j. One {@code :Entity} node per entity with a unique
 * {@code key} (the source's id, or the name when the source has none) and a display {@code name}; one
 * relationship per distinct (subject, relation, object) whose type is the relation name exactly.
 */
public final class EntitySchema {
    public static final String ENTITY_LABEL = dev.ariadne.connect.GraphModel.ENTITY_LABEL;
    public static final String KEY = dev.ariadne.connect.GraphModel.KEY;
    public static final String NAME = dev.ariadne.connect.GraphModel.NAME;
    /** Unique constraint on {@code Entity.key} (it is backed by a range index). */
    public static final String KEY_CONSTRAINT = "entity_key";
    /** Range index on {@code Entity.name}, for exact name lookups. */
    public static final String NAME_INDEX = "entity_name";
    /** Full-text index on {@code Entity.name}, for entity linking. */
    public static final String FULLTEXT_INDEX = dev.ariadne.connect.GraphModel.FULLTEXT_INDEX;

    /** Idempotent schema statements; none of them carries user input. */
    public static final List<String> SCHEMA_STATEMENTS = List.of(
            "CREATE CONSTRAINT " + KEY_CONSTRAINT + " IF NOT EXISTS FOR (e:" + ENTITY_LABEL + ") REQUIRE e." + KEY
                    + " IS UNIQUE",
            "CREATE INDEX " + NAME_INDEX + " IF NOT EXISTS FOR (e:" + ENTITY_LABEL + ") ON (e." + NAME + ")",
            "CREATE FULLTEXT INDEX " + FULLTEXT_INDEX + " IF NOT EXISTS FOR (e:" + ENTITY_LABEL + ") ON EACH [e."
                    + NAME + "]");

    private EntitySchema() {
    }

    /**
     * The relationship type as a Cypher identifier: validated with {@link DirectedRelation#typeProblem}
     * and wrapped in backticks with inner backticks doubled. The only way a type reaches Cypher text.
     */
    public static String quoteType(String type) {
        String problem = DirectedRelation.typeProblem(type);
        if (problem != null) {
            throw new InvalidInputException("invalid relation type '" + type + "': " + problem);
        }
        if (type.indexOf('\\') >= 0) {
            // Cypher 5 still decodes \\uXXXX escapes inside quoted names, so "\\u0060" would close the
            // backticks. Types with a backslash are loaded through the embedded API only.
            throw new InvalidInputException("relation type '" + type
                    + "' contains a backslash, which cannot be quoted safely in Cypher");
        }
        return '`' + type.replace("`", "``") + '`';
    }
}
