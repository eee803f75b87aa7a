package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Triple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the benchmark knowledge bases into triples: MetaQA's {@code subject|relation|object} and the IRN
 * family's {@code subject<TAB>relation<TAB>object}. Duplicate triples are kept once, in first-seen order.
 */
public final class KnowledgeBaseReader {
    private KnowledgeBaseReader() {
    }

    /** MetaQA: exactly three {@code |}-separated fields a line. */
    public static List<Triple> metaQa(Path file) {
        return read(file, '|', "subject|relation|object", false);
    }

    /**
     * IRN: exactly three tab-separated fields a line. With {@code normaliseInverses}, a triple
     * {@code s r_inverse o} is stored as {@code o r s} (see {@link IrnRelations}), so a KB that lists both
     * directions of a fact loads it once.
     */
    public static List<Triple> irn(Path file, boolean normaliseInverses) {
        return read(file, '\t', "subject<TAB>relation<TAB>object", normaliseInverses);
    }

    private static List<Triple> read(Path file, char separator, String expected, boolean normaliseInverses) {
        List<String> lines = DatasetLines.read(file, "knowledge base");
        Set<Triple> out = new LinkedHashSet<>(lines.size() * 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            SourceLine at = new SourceLine(file, i + 1);
            String[] f = DatasetLines.fields(line, separator);
            if (f.length != 3) {
                throw new DatasetFormatException(at, "expected 3 fields '" + expected + "', found " + f.length);
            }
            String s = f[0].strip();
            String r = f[1].strip();
            String o = f[2].strip();
            for (int j = 0; j < 3; j++) {
                if (f[j].isBlank()) {
                    throw new DatasetFormatException(at, "field " + (j + 1) + " of '" + expected + "' is empty");
                }
            }
            DirectedRelation rel;
            try {
                rel = normaliseInverses ? IrnRelations.toDirected(r) : DirectedRelation.forward(r);
            } catch (InvalidInputException e) {
                throw new DatasetFormatException(at, "bad relation '" + r + "': " + e.getMessage(), e);
            }
            out.add(rel.isInverse() ? new Triple(o, rel.type(), s) : new Triple(s, rel.type(), o));
        }
        return new ArrayList<>(out);
    }
}
