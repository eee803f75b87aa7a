package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder laid out like MetaQA: {@code kb.txt} plus {@code {h}-hop/qa_<split>.txt} and optional
 * {@code {h}-hop/qa_<split>_qtype.txt}. Any split name works, including ones this copy lacks
 * (such as {@code test}); a missing file is reported with its expected path.
 */
public record MetaQaDataset(Path root) {
    public static final String KB_FILE = "kb.txt";

    public MetaQaDataset {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("MetaQA folder not found: " + root
                    + " (expected kb.txt and 1-hop/, 2-hop/, 3-hop/ folders)");
        }
    }

    public Path kb() {
        return root.resolve(KB_FILE);
    }

    public Path questionFile(int hops, String fileSplit) {
        return root.resolve(hops + "-hop").resolve("qa_" + fileSplit + ".txt");
    }

    public Path typeFile(int hops, String fileSplit) {
        return root.resolve(hops + "-hop").resolve("qa_" + fileSplit + "_qtype.txt");
    }

    /** The examples of {@code split} over the given hop folders, in hop then line order. */
    public List<KgqaExample> read(SplitName split, List<Integer> hops) {
        List<KgqaExample> out = new ArrayList<>();
        for (int h : hops) {
            Path q = questionFile(h, split.fileSplit());
            if (!Files.isRegularFile(q)) {
                throw new InvalidInputException("split '" + split + "' needs " + q + ", which does not exist");
            }
            Path t = typeFile(h, split.fileSplit());
            Optional<Path> types = Files.isRegularFile(t) ? Optional.of(t) : Optional.empty();
            out.addAll(split.select(MetaQaReader.read(q, types, h, "metaqa-" + h + "hop-" + split.fileSplit())));
        }
        return out;
    }
}
