package dev.ariadne.benchmarks.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PathQuestion (IRN, 2018): {@code question<TAB>ans(alt1/alt2/.../)<TAB>e0#r1#e1#r2#e2[#<end>#eN]}.
 * The gold answer set is the slash-separated alternatives; the topic is {@code e0}; the split key is the
 * gold path as written, so paraphrases of one path share a side.
 */
public final class PathQuestionReader {
    private PathQuestionReader() {
    }

    public static List<KgqaExample> read(Path file) {
        List<String> lines = DatasetLines.read(file, "PathQuestion");
        String prefix = "pq-" + stem(file);
        List<KgqaExample> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            SourceLine at = new SourceLine(file, i + 1);
            String[] f = DatasetLines.fields(lines.get(i), '\t');
            if (f.length != 3) {
                throw new DatasetFormatException(at, "expected 3 tab-separated fields "
                        + "'question<TAB>answer(alt1/alt2/)<TAB>e0#r1#e1...', found " + f.length);
            }
            String question = f[0].strip();
            if (question.isEmpty()) {
                throw new DatasetFormatException(at, "the question (field 1) is empty");
            }
            List<String> answers = parseAnswerField(f[1].strip(), at);
            IrnPath path = IrnPath.parse(f[2], at);
            out.add(new KgqaExample(prefix + "-" + at.line(), question, List.of(path.topic()), answers,
                    List.of(path.relations()), path.relations().length(), "", at, f[2].strip()));
        }
        return out;
    }

    /**
     * {@code ans(alt1/alt2/.../)} to its alternatives. Names may contain parentheses
     * ({@code Hard_Times(Hard_Times_(live)/Hard_Times/)}), so the field is split at the first {@code (}
     * whose prefix is one of the alternatives it opens.
     */
    static List<String> parseAnswerField(String field, SourceLine at) {
        if (!field.endsWith(")")) {
            throw new DatasetFormatException(at, "expected the answer field as 'answer(alt1/alt2/.../)', got '"
                    + field + "' (no closing ')')");
        }
        for (int i = field.indexOf('('); i > 0; i = field.indexOf('(', i + 1)) {
            String prefix = field.substring(0, i);
            List<String> alternatives = slashList(field.substring(i + 1, field.length() - 1));
            if (alternatives.contains(prefix)) {
                return alternatives;
            }
        }
        throw new DatasetFormatException(at, "expected the answer field as 'answer(alt1/alt2/.../)' with the answer "
                + "among the alternatives, got '" + field + "'");
    }

    /** {@code a/b/} to [a, b]: slash-separated, empty parts (the trailing slash) dropped. */
    static List<String> slashList(String text) {
        List<String> out = new ArrayList<>();
        for (String p : DatasetLines.fields(text, '/')) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
