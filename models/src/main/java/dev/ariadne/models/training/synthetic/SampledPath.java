package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.List;

/**
 * A relation path drawn from the graph with the topic it starts from and the entities it reaches (sorted
 * keys; never the topic itself, and at most {@link PathSampler#MAX_ANSWERS} of them).
 */
public record SampledPath(Entity topic, RelationPath path, List<String> answers) {
    public SampledPath {
        answers = List.copyOf(answers);
    }
}
