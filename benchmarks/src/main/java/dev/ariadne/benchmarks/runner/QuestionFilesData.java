package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.JsonLinesReader;
import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.PathQuestionReader;
import dev.ariadne.benchmarks.dataset.SplitName;
import dev.ariadne.benchmarks.dataset.WorldCupReader;
import dev.ariadne.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A knowledge-base file plus question files without an official split (IRN, JSON lines). Every split name
 * reads all the files; {@code dev-train} / {@code dev-holdout} then keep the deterministic 80% / 20% by
 * split key (the gold path), and any other name keeps everything.
 */
record QuestionFilesData(DatasetKind kind, Path kb, List<Path> questions) implements BenchmarkData {
    QuestionFilesData {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new InvalidInputException("--dataset " + kind + " needs at least one --questions file");
        }
        if (!Files.isRegularFile(kb)) {
            throw new InvalidInputException("knowledge base file not found: " + kb);
        }
    }

    @Override
    public KbFormat kbFormat() {
        return KbFormat.TAB;
    }

    @Override
    public List<KgqaExample> read(SplitName split, List<Integer> hops) {
        List<KgqaExample> all = new ArrayList<>();
        for (Path q : questions) {
            all.addAll(switch (kind) {
                case PATHQUESTION -> PathQuestionReader.read(q);
                case WORLDCUP -> WorldCupReader.read(q);
                case JSONL -> JsonLinesReader.read(q);
                case METAQA -> throw new IllegalStateException("MetaQA is read by MetaQaData");
            });
        }
        List<KgqaExample> selected = split.select(all);
        return hops.isEmpty() ? selected : selected.stream().filter(e -> hops.contains(e.hops())).toList();
    }

    @Override
    public List<Path> questionFiles(SplitName split, List<Integer> hops) {
        return questions;
    }

    @Override
    public List<Integer> defaultHops() {
        return List.of();
    }
}
