package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.graph.RelationPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark question in a dataset-independent form.
 *
 * @param id stable identifier, unique within a run (dataset, hop, split and line)
 * @param question the question text as the dataset wrote it (MetaQA keeps its {@code [topic]} brackets;
 *     {@link #plainQuestion()} drops them)
 * @param topics keys of the topic entities the dataset names (MetaQA's bracketed entity, IRN's {@code e0})
 * @param answers the gold answer set, as entity keys, without duplicates
 * @param goldPaths the gold relation path(s): empty when the dataset gives none, two for WorldCup's
 *     conjunctive questions (one per topic)
 * @param hops the question's hop count (the longest gold path, or the dataset's hop folder); 0 if unknown
 * @param questionType the dataset's question type (MetaQA's type chain), or "" when it has none
 * @param source the file and line the example was read from
 * @param splitKey the text a deterministic split hashes: examples with equal keys land on the same side
 */
public record KgqaExample(String id, String question, List<String> topics, List<String> answers,
                          List<RelationPath> goldPaths, int hops, String questionType, SourceLine source,
                          String splitKey) {
    public KgqaExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        topics = List.copyOf(topics);
        answers = List.copyOf(answers.stream().distinct().toList());
        goldPaths = List.copyOf(goldPaths);
        questionType = questionType == null ? "" : questionType;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(splitKey, "splitKey");
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0: " + hops);
        }
    }

    /** The single gold path, when the dataset gives exactly one. */
    public Optional<RelationPath> goldPath() {
        return goldPaths.size() == 1 ? Optional.of(goldPaths.get(0)) : Optional.empty();
    }

    /** The question without MetaQA's topic brackets: {@code what did [X] direct} becomes {@code what did X direct}. */
    public String plainQuestion() {
        return question.replace("[", "").replace("]", "");
    }

    /** This example worded without brackets, as a user types it (the topic must then be linked from the text). */
    /** This question without gold paths: scored on a graph whose relation names are not the dataset's. */
    public KgqaExample withoutGoldPaths() {
        return new KgqaExample(id, question, topics, answers, List.of(), hops, questionType, source, splitKey);
    }

    public KgqaExample plain() {
        return new KgqaExample(id, plainQuestion(), topics, answers, goldPaths, hops, questionType, source, splitKey);
    }
}
