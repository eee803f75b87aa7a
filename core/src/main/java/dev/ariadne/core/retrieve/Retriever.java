package dev.ariadne.core.retrieve;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;

/**
 * Follows a relation path from a topic entity and returns every entity-level path, bounded and in a
 * deterministic order. Semantics every implementation shares: {@code r} walks {@code (a)-[:r]->(b)},
 * {@code ~r} walks {@code (a)<-[:r]-(b)}; within one path each relationship is used at most once
 * (Cypher's MATCH semantics) while nodes may repeat; paths ending at the topic itself are dropped
 * unless {@link RetrievalLimits#keepTopic()}.
 */
public interface Retriever {
    RetrievalResult retrieve(Entity topic, RelationPath path, RetrievalLimits limits);
}
