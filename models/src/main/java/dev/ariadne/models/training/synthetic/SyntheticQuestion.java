package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.models.training.TrainingExample;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A question written from the graph: its text (naming the topic as {@code topicMention}), the topic, the
 * relation path it asks for, the entities that path reaches, and who wrote it ({@code grammar} or {@code llm}).
 */
public record SyntheticQuestion(String question, Entity topic, String topicMention, RelationPath path, List<String> answers,
                                String source) {
    public static final String GRAMMAR = "grammar";
    public static final String LLM = "llm";

    public SyntheticQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(path, "path");
        answers = List.copyOf(answers);
        if (topicMention == null || topicMention.isBlank()) {
            topicMention = topic.name();
        }
    }

    /** The question as the trainer takes it: gold path given, answers for reading. */
    public TrainingExample toTrainingExample() {
        return new TrainingExample(question, topic, topicMention, new TreeSet<>(answers), path);
    }

    /** Each question as the trainer takes it, in order. */
    public static List<TrainingExample> toTrainingExamples(List<SyntheticQuestion> questions) {
        List<TrainingExample> out = new java.util.ArrayList<>(questions.size());
        for (SyntheticQuestion q : questions) {
            out.add(q.toTrainingExample());
        }
        return out;
    }
}
