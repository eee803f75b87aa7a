package dev.ariadne.cypher;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.link.EntityQueries;
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

    /** Through {@code mapping}, which {@link Neo4jGraphAccess} has checked against {@code db}. */
    EmbeddedAccess(GraphDatabaseService db, String description, GraphMapping mapping) {
        this(db, description, mapping, new SchemaCache(new EmbeddedSchemaReader(db, mapping)));
    }

    private EmbeddedAccess(GraphDatabaseService db, String description, GraphMapping mapping, SchemaCache schema) {
        super(schema, new EmbeddedRetriever(db, schema, mapping), new EmbeddedGraphConstraint(db, schema, mapping),
                runner(db), mapping, EntityQueries.of(mapping, hasMappedNameIndex(db, mapping)));
        this.description = description;
    }

    /** Whether the full-text index {@code ariadne index} makes over a mapped graph's names exists. */
    private static boolean hasMappedNameIndex(GraphDatabaseService db, GraphMapping mapping) {
        if (mapping.isAriadneLayout()) {
            return true;
        }
        try (Transaction tx = db.beginTx()) {
            return tx.schema().getIndexByName(EntityQueries.MAPPED_FULLTEXT_INDEX) != null;
        } catch (IllegalArgumentException none) {
            return false;
        }
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
