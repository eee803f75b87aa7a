package dev.ariadne.core.answer;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import java.util.List;
import java.util.Objects;

/**
 * How one topic entity of a question was found: the mention (the text that named it), its character
 * span in the question ({@code start}/{@code end}, both -1 when the topic was given by the caller), the
 * chosen entity, and every candidate considered with its score, best first.
 */
public record TopicLink(String mention, int start, int end, LinkSource source, Entity entity,
                        List<EntityCandidate> candidates) {
    public TopicLink {
        Objects.requireNonNull(mention, "mention");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entity, "entity");
        candidates = List.copyOf(candidates);
        if (start > end) {
            throw new IllegalArgumentException("span start " + start + " after end " + end);
        }
    }

    public static TopicLink given(Entity entity) {
        return new TopicLink(entity.name(), -1, -1, LinkSource.GIVEN, entity, List.of());
    }
}
