package dev.ariadne.cypher;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.EntityQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final GraphMapping mapping;
    private final EntityQueries queries;

    AssembledAccess(SchemaCache schema, Retriever retriever, GraphConstraint constraint, ReadRunner reads,
                    GraphMapping mapping, EntityQueries queries) {
        this.schema = schema;
        this.retriever = retriever;
        this.constraint = constraint;
        this.lookup = new CypherEntityLookup(reads, queries);
        this.reads = reads;
        this.mapping = mapping;
        this.queries = queries;
    }

    @Override
    public GraphMapping mapping() {
        return mapping;
    }

    @Override
    public List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> row : reads.read(queries.allEntities(), Map.of())) {
            Object key = row.get("key");
            if (key != null && !key.toString().isEmpty()) {
                out.add(new Entity(key.toString(), CypherEntityLookup.text(row.get("name"))));
            }
        }
        return out;
    }

    @Override
    public List<Triple> triples() {
        List<Triple> out = new ArrayList<>();
        for (Map<String, Object> row : reads.read(queries.allTriples(), queries.typeParameters())) {
            Object s = row.get("s");
            Object o = row.get("o");
            if (s != null && o != null) {
                out.add(new Triple(s.toString(), row.get("r").toString(), o.toString()));
            }
        }
        return out;
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
