package dev.ariadne.cypher.schema;

import dev.ariadne.core.text.EditDistance;

import dev.ariadne.core.error.UnknownRelationException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.schema.GraphSchema;
import java.util.Objects;

/**
 * The schema of one graph, read on first use and kept until {@link #refresh()} (call it after a load).
 * Also the gate every relation type passes before any query is built from it: a type that is not in
 * the graph fails with {@link UnknownRelationException} naming the closest existing types.
 */
public final class SchemaCache {
    /** How many suggestions an unknown relation error names. */
    public static final int SUGGESTIONS = 3;

    private final SchemaReader reader;
    private volatile GraphSchema schema;

    public SchemaCache(SchemaReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The cached schema, read now if it never was. */
    public GraphSchema get() {
        GraphSchema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = reader.read();
                    schema = s;
                }
            }
        }
        return s;
    }

    /** Reads the schema again (after a load or any write that adds or removes relation types). */
    public synchronized GraphSchema refresh() {
        GraphSchema s = reader.read();
        schema = s;
        return s;
    }

    /** Throws {@link UnknownRelationException} for the first hop whose type is not in the graph. */
    public void validate(RelationPath path) {
        for (DirectedRelation hop : path.hops()) {
            validate(hop.type());
        }
    }

    public void validate(String type) {
        GraphSchema s = get();
        if (!s.hasRelationType(type)) {
            throw unknown(type, s);
        }
    }

    public static UnknownRelationException unknown(String type, GraphSchema schema) {
        return new UnknownRelationException(type, EditDistance.closest(type, schema.relationTypes(), SUGGESTIONS));
    }
}
