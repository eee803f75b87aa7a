package dev.ariadne.cypher;

import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;

/**
 * A {@link GraphAccess} made of parts that share one schema cache; the embedded and Bolt versions differ
 * only in which parts they build.
 */
abstract class AssembledAccess implements GraphAccess {
    private final SchemaCache schema;
    private final Retriever retriever;
    private final GraphConstraint constraint;
    private final EntityLookup lookup;
    private final ReadRunner reads;

    AssembledAccess(SchemaCache schema, Retriever retriever, GraphConstraint constraint, ReadRunner reads) {
        this.schema = schema;
        this.retriever = retriever;
        this.constraint = constraint;
        this.lookup = new CypherEntityLookup(reads);
        this.reads = reads;
    }

    @Override
    public ReadRunner reads() {
        return reads;
    }

    @Override
    public Retriever retriever() {
        return retriever;
    }

    @Override
    public GraphConstraint constraint() {
        return constraint;
    }

    @Override
    public EntityLookup lookup() {
        return lookup;
    }

    @Override
    public GraphSchema schema() {
        return schema.get();
    }

    @Override
    public GraphSchema refreshSchema() {
        return schema.refresh();
    }
}
