package dev.ariadne.cypher;

import dev.ariadne.cypher.link.ReadRunner;
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

    /** Which implementation serves retrieval, for traces and logs (e.g. "embedded ... (kernel cursors)"). */
    String describe();
}
