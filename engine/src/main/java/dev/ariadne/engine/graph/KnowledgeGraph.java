package dev.ariadne.engine.graph;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import java.util.Optional;

/**
 * The graph as the engine needs it: the planning constraint, the retriever, an optional full-text
 * lookup, the schema, and every entity once (to build the linker's name index). Implementations are
 * thread-safe. {@link #close()} releases what the implementation opened itself (a database it started,
 * a driver it created), nothing a caller passed in.
 */
public interface KnowledgeGraph extends AutoCloseable {
    GraphConstraint constraint();

    Retriever retriever();

    /** Full-text entity lookup, when the graph has one. */
    Optional<EntityLookup> lookup();

    GraphSchema schema();

    /** Every entity of the graph, read once when an engine starts. */
    Iterable<Entity> entities();

    /** One line for logs and traces, e.g. "embedded ./ariadne-data" or "bolt://host:7687"; no secrets. */
    String describe();

    @Override
    void close();
}
