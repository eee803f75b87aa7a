package dev.ariadne.cypher;

import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.plan.EmbeddedGraphConstraint;
import dev.ariadne.cypher.retrieve.EmbeddedRetriever;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/** {@link GraphAccess} on an embedded database (or the database a procedure runs in). */
final class EmbeddedAccess implements GraphAccess {
    private final String description;
    private final SchemaCache schema;
    private final Retriever retriever;
    private final GraphConstraint constraint;
    private final EntityLookup lookup;

    EmbeddedAccess(GraphDatabaseService db, String description) {
        this.description = description;
        this.schema = new SchemaCache(new EmbeddedSchemaReader(db));
        this.retriever = new EmbeddedRetriever(db, schema);
        this.constraint = new EmbeddedGraphConstraint(db, schema);
        this.lookup = new CypherEntityLookup(runner(db));
    }

    static ReadRunner runner(GraphDatabaseService db) {
        return (cypher, params) -> {
            try (Transaction tx = db.beginTx(); Result r = tx.execute(cypher, params)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (r.hasNext()) {
                    rows.add(r.next());
                }
                return rows;
            } catch (org.neo4j.graphdb.QueryExecutionException e) {
                // e.g. the full-text index is missing: the graph was not loaded by Ariadne's loader
                throw new dev.ariadne.core.error.GraphUnavailableException("lookup query failed on the embedded database: "
                        + e.getMessage(), e);
            }
        };
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

    SchemaCache schemaCache() {
        return schema;
    }

    @Override
    public String describe() {
        return description;
    }
}
