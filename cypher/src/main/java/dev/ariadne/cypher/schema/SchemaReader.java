package dev.ariadne.cypher.schema;

import dev.ariadne.core.schema.GraphSchema;

/**
 * Reads the {@link GraphSchema} of a graph in Ariadne's model ({@code (:Entity {key, name})} nodes, one
 * relationship per distinct triple, type = relation name). Reading scans every entity once for the
 * adjacency, so callers keep the result in a {@link SchemaCache}.
 */
public interface SchemaReader {
    GraphSchema read();
}
