package dev.ariadne.core.error;

import dev.ariadne.core.link.EntityCandidate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mention matches several entities equally well and nothing in the question tells them apart. Carries
 * every candidate so a caller can ask the user, or retry with {@code ask(question, topicEntities)}.
 */
public class AmbiguousEntityException extends AriadneException {
    private final String mention;
    private final List<EntityCandidate> candidates;

    public AmbiguousEntityException(String mention, List<EntityCandidate> candidates) {
        super("ambiguous topic '" + mention + "': " + candidates.size() + " entities match equally well ("
                + candidates.stream().limit(10).map(c -> c.entity().key()).collect(Collectors.joining(", "))
                + (candidates.size() > 10 ? ", ..." : "") + "); pass the topic entity key explicitly");
        this.mention = mention;
        this.candidates = List.copyOf(candidates);
    }

    public String mention() {
        return mention;
    }

    public List<EntityCandidate> candidates() {
        return candidates;
    }
}
