package dev.ariadne.cypher;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.plan.BoltGraphConstraint;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import dev.ariadne.cypher.schema.BoltSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.GraphUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;

/** {@link GraphAccess} over a Bolt driver. */
final class BoltAccess extends AssembledAccess {
    private final BoltGraph graph;
    private final BoltRetriever.Mode mode;

    BoltAccess(BoltGraph graph, BoltRetriever.Mode mode) {
        this(graph, new SchemaCache(new BoltSchemaReader(graph)), mode);
    }

    private BoltAccess(BoltGraph graph, SchemaCache schema, BoltRetriever.Mode mode) {
        this(graph, schema, new BoltRetriever(graph, schema, mode));
    }

    private BoltAccess(BoltGraph graph, SchemaCache schema, BoltRetriever retriever) {
        super(schema, retriever, new BoltGraphConstraint(graph, schema), runner(graph),
                dev.ariadne.core.mapping.GraphMapping.ariadneLayout(), dev.ariadne.cypher.link.EntityQueries.ariadneLayout());
        this.graph = graph;
        this.mode = retriever.mode();
    }

    static ReadRunner runner(BoltGraph graph) {
        return (cypher, params) -> {
            try (Session s = graph.driver().session(graph.sessionConfig())) {
                return s.executeRead(tx -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Record r : tx.run(cypher, params).list()) {
                        rows.add(r.asMap());
                    }
                    return rows;
                });
            } catch (Neo4jException e) {
                throw new GraphUnavailableException("query over Bolt failed at " + graph.uri() + ": " + e.getMessage(), e);
            }
        };
    }

    @Override
    public String describe() {
        return "bolt " + graph.uri() + (mode == BoltRetriever.Mode.PROCEDURE
                ? " via ariadne.retrieve" : " via Cypher (ariadne.retrieve not installed)");
    }
}
