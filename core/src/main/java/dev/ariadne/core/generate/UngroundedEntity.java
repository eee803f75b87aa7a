package dev.ariadne.core.generate;

import java.util.Objects;

/**
 * An entity the model named that is on none of the retrieved paths, by key or by normalised name. It is
 * never returned as an answer; the trace keeps it so a reader sees what the model made up.
 *
 * @param named the text the model used
 */
public record UngroundedEntity(String named) {
    public UngroundedEntity {
        Objects.requireNonNull(named, "named");
    }
}
