package dev.ariadne.engine.link;

import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.graph.Entity;
import java.util.ArrayList;
import java.util.List;

/** What linking a question produced: the chosen topics and every span that matched something. */
public record Linking(List<TopicLink> topics, List<MentionCandidates> mentions) {
    public Linking {
        topics = List.copyOf(topics);
        mentions = List.copyOf(mentions);
    }

    public List<Entity> entities() {
        List<Entity> out = new ArrayList<>(topics.size());
        for (TopicLink t : topics) {
            out.add(t.entity());
        }
        return out;
    }
}
