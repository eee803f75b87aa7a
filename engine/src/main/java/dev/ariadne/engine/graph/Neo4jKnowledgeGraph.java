package dev.ariadne.engine.graph;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.GraphAccess;
import dev.ariadne.cypher.Neo4jGraphAccess;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import java.util.List;
import java.util.Optional;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A knowledge graph in Neo4j, embedded or over Bolt: in Ariadne's layout ({@code (:Entity {key, name})}
 * nodes; see the graph-loader) or, embedded, any graph read through a {@link GraphMapping}. Retrieval, the planning constraint, lookup and the schema are the cypher
 * module's {@link GraphAccess}; over Bolt the {@code ariadne.retrieve} procedure is used when the server
 * has the plugin, else templated Cypher.
 */
public final class Neo4jKnowledgeGraph implements KnowledgeGraph {
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
        return embedded(graph, owned, GraphMapping.ariadneLayout());
    }

    /**
     * Over an embedded database read through {@code mapping}, checked against it now; when {@code owned},
     * {@link #close()} shuts it down (also when the check fails).
     */
    public static Neo4jKnowledgeGraph embedded(EmbeddedGraph graph, boolean owned, GraphMapping mapping) {
        GraphAccess access;
        try {
            access = Neo4jGraphAccess.embedded(graph, mapping);
        } catch (RuntimeException e) {
            if (owned) {
                graph.close();
            }
            throw e;
        }
        return new Neo4jKnowledgeGraph("embedded " + graph.folder(), access, owned ? graph : null);
    }

    /** The mapping every read goes through. */
    public GraphMapping mapping() {
        return access.mapping();
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
        return access.entities();
    }

    /** Every relationship between entities as a triple of keys, for an in-memory copy of the graph. */
    public List<Triple> triples() {
        return access.triples();
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
