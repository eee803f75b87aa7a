package dev.ariadne.engine.graph;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.GraphAccess;
import dev.ariadne.cypher.Neo4jGraphAccess;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A knowledge graph in Neo4j, embedded or over Bolt, in Ariadne's layout ({@code (:Entity {key, name})}
 * nodes; see the graph-loader). Retrieval, the planning constraint, lookup and the schema are the cypher
 * module's {@link GraphAccess}; over Bolt the {@code ariadne.retrieve} procedure is used when the server
 * has the plugin, else templated Cypher.
 */
public final class Neo4jKnowledgeGraph implements KnowledgeGraph {
    /** Reads every entity once, to build the linker's name index; a constant query with no input. */
    static final String ALL_ENTITIES = "MATCH (e:Entity) RETURN e.key AS key, e.name AS name";
    /** Reads every triple once (training copies the graph into memory); a constant query with no input. */
    static final String ALL_TRIPLES = "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.key AS s, type(r) AS r, b.key AS o";

    private final String description;
    private final GraphAccess access;
    private final AutoCloseable owned;

    private Neo4jKnowledgeGraph(String description, GraphAccess access, AutoCloseable owned) {
        this.description = description;
        this.access = access;
        this.owned = owned;
    }

    /** Over an embedded database; when {@code owned}, {@link #close()} shuts it down. */
    public static Neo4jKnowledgeGraph embedded(EmbeddedGraph graph, boolean owned) {
        return new Neo4jKnowledgeGraph("embedded " + graph.folder(), Neo4jGraphAccess.embedded(graph), owned ? graph : null);
    }

    /** Over a database this code runs inside or next to (procedures, tests); never closes it. */
    public static Neo4jKnowledgeGraph embedded(GraphDatabaseService db, String description) {
        return new Neo4jKnowledgeGraph(description, Neo4jGraphAccess.inProcess(db), null);
    }

    /** Over Bolt; when {@code owned}, {@link #close()} closes the driver. */
    public static Neo4jKnowledgeGraph bolt(BoltGraph graph, boolean owned) {
        BoltRetriever.Mode mode = BoltRetriever.hasProcedure(graph) ? BoltRetriever.Mode.PROCEDURE : BoltRetriever.Mode.CYPHER;
        return new Neo4jKnowledgeGraph(graph.uri().getScheme() + "://" + graph.uri().getHost()
                + (graph.uri().getPort() > 0 ? ":" + graph.uri().getPort() : "") + " (" + mode.name().toLowerCase() + ")",
                Neo4jGraphAccess.bolt(graph, mode), owned ? graph : null);
    }

    @Override
    public GraphConstraint constraint() {
        return access.constraint();
    }

    @Override
    public Retriever retriever() {
        return access.retriever();
    }

    @Override
    public Optional<EntityLookup> lookup() {
        return Optional.of(access.lookup());
    }

    @Override
    public GraphSchema schema() {
        return access.schema();
    }

    /** Re-reads the schema (after loading more data into the same database). */
    public GraphSchema refreshSchema() {
        return access.refreshSchema();
    }

    @Override
    public Iterable<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (Map<String, Object> row : access.reads().read(ALL_ENTITIES, Map.of())) {
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
        for (Map<String, Object> row : access.reads().read(ALL_TRIPLES, Map.of())) {
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
