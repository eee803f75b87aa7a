package dev.ariadne.core.generate;

import dev.ariadne.core.graph.Entity;
import java.util.Objects;

/**
 * An entity the model named that is on a retrieved path.
 *
 * @param named     the text the model used
 * @param entity    the entity it was matched to
 * @param matchedBy {@code KEY} or {@code NAME} (normalised: case, accents and punctuation ignored)
 */
public record GroundedEntity(String named, Entity entity, MatchedBy matchedBy) {
    public enum MatchedBy { KEY, NAME }

    public GroundedEntity {
        Objects.requireNonNull(named, "named");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(matchedBy, "matchedBy");
    }
}
