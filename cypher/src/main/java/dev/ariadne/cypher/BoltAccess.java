package dev.ariadne.cypher;

import dev.ariadne.cypher.connect.BoltGraph;
import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.plan.BoltGraphConstraint;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import dev.ariadne.cypher.schema.BoltSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;

/** {@link GraphAccess} over a Bolt driver. */
final class BoltAccess implements GraphAccess {
    private final BoltGraph graph;
    private final SchemaCache schema;
    private final BoltRetriever retriever;
    private final GraphConstraint constraint;
    private final EntityLookup lookup;

    BoltAccess(BoltGraph graph, BoltRetriever.Mode mode) {
        this.graph = graph;
        this.schema = new SchemaCache(new BoltSchemaReader(graph));
        this.retriever = new BoltRetriever(graph, schema, mode);
        this.constraint = new BoltGraphConstraint(graph, schema);
        this.lookup = new CypherEntityLookup(runner(graph));
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

    @Override
    public String describe() {
        return "bolt " + graph.uri() + (retriever.mode() == BoltRetriever.Mode.PROCEDURE
                ? " via ariadne.expand" : " via Cypher (ariadne.expand not installed)");
    }
}
