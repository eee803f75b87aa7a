package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.graph.DirectedRelation;
import java.util.List;

/**
 * One hop of typed expansion over some access to the graph (the Core API, or one Cypher query per hop
 * over Bolt). {@code N} identifies a node and {@code R} a relationship, both with value equality.
 */
public interface HopSource<N, R> {
    /**
     * Reports every relationship of {@code hop}'s type that leaves a node of {@code frontier} in
     * {@code hop}'s direction ({@code r}: outgoing, {@code ~r}: incoming), skipping neighbours that have
     * no key. Order does not matter: the expansion sorts.
     */
    void expand(List<N> frontier, DirectedRelation hop, EdgeSink<N, R> sink);

    /** Receives the edges of one hop. */
    @FunctionalInterface
    interface EdgeSink<N, R> {
        void edge(N from, R relationship, N to, String toKey);
    }
}
