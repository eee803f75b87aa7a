package dev.ariadne.core.plan;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.Objects;

/** One relation path proposed for a topic, with the planner's calibrated probability for it. */
public record Plan(Entity topic, RelationPath path, double probability) {
    public Plan {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(path, "path");
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
        }
    }
}
