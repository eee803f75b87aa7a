package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.SplitName;
import java.nio.file.Path;
import java.util.List;

/** A dataset as the runner sees it: a knowledge-base file and the questions of any split. */
public interface BenchmarkData {
    DatasetKind kind();

    Path kb();

    KbFormat kbFormat();

    /**
     * The examples of {@code split}; {@code hops} empty means every hop. MetaQA reads the hop folders;
     * the others filter by each example's hop count.
     */
    List<KgqaExample> read(SplitName split, List<Integer> hops);

    /** Question files {@link #read} reads for {@code split}, for the report's checksums. */
    List<Path> questionFiles(SplitName split, List<Integer> hops);

    /** The hops evaluated when the user names none. */
    List<Integer> defaultHops();
}
