package dev.ariadne.cypher;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.plan.EmbeddedGraphConstraint;
import dev.ariadne.cypher.retrieve.EmbeddedRetriever;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/** {@link GraphAccess} on an embedded database (or the database a procedure runs in). */
final class EmbeddedAccess extends AssembledAccess {
    private final String description;

    EmbeddedAccess(GraphDatabaseService db, String description) {
        this(db, description, new SchemaCache(new EmbeddedSchemaReader(db)));
    }

    private EmbeddedAccess(GraphDatabaseService db, String description, SchemaCache schema) {
        super(schema, new EmbeddedRetriever(db, schema), new EmbeddedGraphConstraint(db, schema), runner(db));
        this.description = description;
    }

    static ReadRunner runner(GraphDatabaseService db) {
        return (cypher, params) -> {
            try {
                return ReadRetry.attempts("a lookup query", () -> {
                    try (Transaction tx = db.beginTx(); Result r = tx.execute(cypher, params)) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        while (r.hasNext()) {
                            rows.add(r.next());
                        }
                        return rows;
                    }
                });
            } catch (org.neo4j.graphdb.QueryExecutionException e) {
                // e.g. the full-text index is missing: the graph was not loaded by Ariadne's loader
                throw new dev.ariadne.core.error.GraphUnavailableException("lookup query failed on the embedded database: "
                        + e.getMessage(), e);
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
