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
 * A knowledge-base file (null when scoring an existing graph, which needs none) plus question files without
 * an official split (IRN, JSON lines). Every split name
 * reads all the files; {@code dev-train} / {@code dev-holdout} then keep the deterministic 80% / 20% by
 * split key (the gold path), and any other name keeps everything.
 */
record QuestionFilesData(DatasetKind kind, Path kb, List<Path> questions) implements BenchmarkData {
    QuestionFilesData {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new InvalidInputException("--dataset " + kind + " needs at least one --questions file");
        }
        if (kb != null && !Files.isRegularFile(kb)) {
            throw new InvalidInputException("knowledge base file not found: " + kb);
        }
    }

    /** IRN files are tab-separated; a JSON-lines dataset's KB may be either, told by its first line. */
    @Override
    public KbFormat kbFormat() {
        if (kind != DatasetKind.JSONL || kb == null) {
            return KbFormat.TAB;
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(kb, java.nio.charset.StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    return line.indexOf('\t') < 0 && line.indexOf('|') >= 0 ? KbFormat.PIPE : KbFormat.TAB;
                }
            }
            return KbFormat.TAB;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + kb, e);
        }
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
