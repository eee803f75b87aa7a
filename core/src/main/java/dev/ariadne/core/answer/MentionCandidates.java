package dev.ariadne.core.answer;

import dev.ariadne.core.link.EntityCandidate;
import java.util.List;
import java.util.Objects;

/**
 * A span of the question the linker looked at and the entities it matched, kept in the trace even when
 * the span was not chosen, so a reader can see why one mention won.
 */
public record MentionCandidates(String mention, int start, int end, List<EntityCandidate> candidates) {
    public MentionCandidates {
        Objects.requireNonNull(mention, "mention");
        candidates = List.copyOf(candidates);
    }
}
