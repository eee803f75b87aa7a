package dev.ariadne.engine.graph;

import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.connect.BoltGraph;
import dev.ariadne.cypher.connect.EmbeddedGraph;
import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.ReadRunner;
import dev.ariadne.cypher.plan.BoltGraphConstraint;
import dev.ariadne.cypher.plan.EmbeddedGraphConstraint;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import dev.ariadne.cypher.retrieve.EmbeddedRetriever;
import dev.ariadne.cypher.schema.BoltSchemaReader;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A knowledge graph in Neo4j, embedded or over Bolt, in Ariadne's layout ({@code (:Entity {key, name})}
 * nodes; see the graph-loader). Retrieval and the planning constraint are the cypher module's; over Bolt
 * the {@code ariadne.expand} procedure is used when the server has the plugin, else templated Cypher.
 */
public final class Neo4jKnowledgeGraph implements KnowledgeGraph {
    /** Reads every entity once, to build the linker's name index; a constant query with no input. */
    static final String ALL_ENTITIES = "MATCH (e:Entity) RETURN e.key AS key, e.name AS name";
    /** Reads every triple once (training copies the graph into memory); a constant query with no input. */
    static final String ALL_TRIPLES = "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS s, type(r) AS r, b.key AS o";

    private final String description;
    private final GraphConstraint constraint;
    private final Retriever retriever;
    private final EntityLookup lookup;
    private final SchemaCache schema;
    private final ReadRunner runner;
    private final AutoCloseable owned;

    private Neo4jKnowledgeGraph(String description, GraphConstraint constraint, Retriever retriever, EntityLookup lookup,
                                SchemaCache schema, ReadRunner runner, AutoCloseable owned) {
        this.description = description;
        this.constraint = constraint;
        this.retriever = retriever;
        this.lookup = lookup;
        this.schema = schema;
        this.runner = runner;
        this.owned = owned;
    }

    /** Over an embedded database; when {@code owned}, {@link #close()} shuts it down. */
    public static Neo4jKnowledgeGraph embedded(EmbeddedGraph graph, boolean owned) {
        return embedded(graph.database(), "embedded " + graph.folder(), owned ? graph : null);
    }

    /** Over a database this code runs inside or next to (procedures, tests); never closes it. */
    public static Neo4jKnowledgeGraph embedded(GraphDatabaseService db, String description) {
        return embedded(db, description, null);
    }

    private static Neo4jKnowledgeGraph embedded(GraphDatabaseService db, String description, AutoCloseable owned) {
        SchemaCache schema = new SchemaCache(new EmbeddedSchemaReader(db));
        ReadRunner runner = (cypher, params) -> db.executeTransactionally(cypher, params, result -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.hasNext()) {
                rows.add(result.next());
            }
            return rows;
        });
        return new Neo4jKnowledgeGraph(description, new EmbeddedGraphConstraint(db, schema),
                new EmbeddedRetriever(db, schema), new CypherEntityLookup(runner), schema, runner, owned);
    }

    /** Over Bolt; when {@code owned}, {@link #close()} closes the driver. */
    public static Neo4jKnowledgeGraph bolt(BoltGraph graph, boolean owned) {
        SchemaCache schema = new SchemaCache(new BoltSchemaReader(graph));
        ReadRunner runner = (cypher, params) -> {
            try (Session s = graph.driver().session(graph.sessionConfig())) {
                return s.executeRead(tx -> tx.run(cypher, params).list(r -> r.asMap()));
            }
        };
        BoltRetriever.Mode mode = BoltRetriever.hasProcedure(graph) ? BoltRetriever.Mode.PROCEDURE : BoltRetriever.Mode.CYPHER;
        return new Neo4jKnowledgeGraph(graph.uri().getScheme() + "://" + graph.uri().getHost()
                + (graph.uri().getPort() > 0 ? ":" + graph.uri().getPort() : "") + " (" + mode.name().toLowerCase() + ")",
                new BoltGraphConstraint(graph, schema), new BoltRetriever(graph, schema, mode),
                new CypherEntityLookup(runner), schema, runner, owned ? graph : null);
    }

    @Override
    public GraphConstraint constraint() {
        return constraint;
    }

    @Override
    public Retriever retriever() {
        return retriever;
    }

    @Override
    public Optional<EntityLookup> lookup() {
        return Optional.of(lookup);
    }

    @Override
    public GraphSchema schema() {
        return schema.get();
    }

    /** Re-reads the schema (after loading more data into the same database). */
    public GraphSchema refreshSchema() {
        return schema.refresh();
    }

    @Override
    public Iterable<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> row : runner.read(ALL_ENTITIES, Map.of())) {
            Object key = row.get("key");
            if (key != null) {
                Object name = row.get("name");
                out.add(new Entity(key.toString(), name == null ? null : name.toString()));
            }
        }
        return out;
    }

    /** Every relationship between entities as a triple of keys, for an in-memory copy of the graph. */
    public List<Triple> triples() {
        List<Triple> out = new ArrayList<>();
        for (Map<String, Object> row : runner.read(ALL_TRIPLES, Map.of())) {
            Object s = row.get("s");
            Object o = row.get("o");
            if (s != null && o != null) {
                out.add(new Triple(s.toString(), row.get("r").toString(), o.toString()));
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new GraphUnavailableException("closing " + description + " failed: " + e.getMessage(), e);
            }
        }
    }
}
