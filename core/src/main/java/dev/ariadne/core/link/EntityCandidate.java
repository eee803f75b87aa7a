package dev.ariadne.core.link;

import dev.ariadne.core.graph.Entity;

/** An entity that may be meant by some text, how it matched, and a score (higher is better). */
public record EntityCandidate(Entity entity, MatchKind kind, double score) {
}
