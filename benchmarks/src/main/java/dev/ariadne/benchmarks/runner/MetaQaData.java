package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.MetaQaDataset;
import dev.ariadne.benchmarks.dataset.SplitName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A MetaQA-layout folder: {@code kb.txt} and {@code {h}-hop/qa_<split>[_qtype].txt}. */
record MetaQaData(MetaQaDataset dataset) implements BenchmarkData {
    @Override
    public DatasetKind kind() {
        return DatasetKind.METAQA;
    }

    @Override
    public Path kb() {
        return dataset.kb();
    }

    @Override
    public KbFormat kbFormat() {
        return KbFormat.PIPE;
    }

    @Override
    public List<KgqaExample> read(SplitName split, List<Integer> hops) {
        return dataset.read(split, hops.isEmpty() ? defaultHops() : hops);
    }

    @Override
    public List<Path> questionFiles(SplitName split, List<Integer> hops) {
        List<Path> out = new ArrayList<>();
        for (int h : hops.isEmpty() ? defaultHops() : hops) {
            out.add(dataset.questionFile(h, split.fileSplit()));
            Path t = dataset.typeFile(h, split.fileSplit());
            if (Files.isRegularFile(t)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public List<Integer> defaultHops() {
        return List.of(1, 2, 3);
    }
}
