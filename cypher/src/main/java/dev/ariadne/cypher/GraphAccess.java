package dev.ariadne.cypher;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.link.ReadRunner;
import java.util.List;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;

/**
 * Everything the engine needs from one Neo4j graph, over one connection: retrieval, the planning
 * constraint, entity lookup and the (cached) schema. Get one from {@link Neo4jGraphAccess}. Thread-safe;
 * does not own the connection (close the {@code EmbeddedGraph}/{@code BoltGraph} yourself).
 */
public interface GraphAccess {
    Retriever retriever();

    GraphConstraint constraint();

    EntityLookup lookup();

    /** The cached schema, read on first use. */
    GraphSchema schema();

    /** Reads the schema again; call after loading or changing the graph. */
    GraphSchema refreshSchema();

    /**
     * Runs constant read queries (parameters only) on the same connection, in read transactions; for the
     * few whole-graph reads a caller needs beyond retrieval, such as listing entities.
     */
    ReadRunner reads();

    /** The mapping every read goes through (checked against the database when this access was made). */
    GraphMapping mapping();

    /** Every entity with its display name (linking builds its name index from these). */
    List<Entity> entities();

    /** Every followed relationship between two entities, as a triple of keys (training copies the graph). */
    List<Triple> triples();

    /** Which implementation serves retrieval, for traces and logs (e.g. "embedded ... (kernel cursors)"). */
    String describe();
}
