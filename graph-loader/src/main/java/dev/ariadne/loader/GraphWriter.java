package dev.ariadne.loader;

import dev.ariadne.core.graph.DirectedRelation;
import java.util.List;
import java.util.function.Consumer;

/** Writes batches of triples into one graph, merging with what is already there. */
interface GraphWriter extends AutoCloseable {
    /**
     * Called once before the first batch: makes sure the constraint and indexes exist and are online
     * before any data is written, repairing what an earlier failed load left FAILED where it can;
     * {@code notices} gets one line per repair made.
     */
    void prepare(Consumer<String> notices);

    /**
     * Writes one batch in one transaction (retried as a whole where the driver retries), or holds it
     * until {@link #commitPending()} or {@link #close()}; either way, returns what it adds.
     *
     * @throws WriteRejectedException when the database refuses the batch's data but is still available
     *     (nothing of the batch is committed; the caller may retry smaller batches)
     */
    BatchResult write(List<ParsedTriple> batch);

    /**
     * Commits whatever {@link #write} accepted but held back (a fresh embedded store holds triples back
     * to write entities before relationships); called before a load stops for too many malformed lines,
     * so that what the stop message counts as committed is.
     */
    default void commitPending() {
    }

    /** Why {@code type} cannot be written by this writer, or null when it can. */
    default String typeProblem(String type) {
        return DirectedRelation.typeProblem(type);
    }

    /** Called once at the end, also after a failure: leaves the constraint and indexes online. */
    @Override
    void close();

    record BatchResult(long relationshipsCreated, long entitiesCreated) {
    }
}
