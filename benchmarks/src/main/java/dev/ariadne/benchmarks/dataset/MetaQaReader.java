package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one MetaQA question file: {@code question with [topic]<TAB>answer1|answer2|...}, with an
 * optional line-aligned type file ({@code qa_<split>_qtype.txt}) whose chains become gold relation
 * paths through {@link MetaQaTypeChain}. Blank lines are skipped (and must be blank in both files).
 */
public final class MetaQaReader {
    private static final Pattern TOPIC = Pattern.compile("\\[([^\\[\\]]+)]");

    private MetaQaReader() {
    }

    /**
     * @param hops the hop folder the file sits in; a type chain of another length is an error
     * @param idPrefix prepended to the line number to make ids, e.g. {@code metaqa-2hop-dev}
     */
    public static List<KgqaExample> read(Path questions, Optional<Path> types, int hops, String idPrefix) {
        List<String> lines = DatasetLines.read(questions, "MetaQA question");
        List<String> typeLines = types.map(t -> DatasetLines.read(t, "MetaQA question type")).orElse(null);
        if (typeLines != null && nonBlankTail(typeLines) != nonBlankTail(lines)) {
            throw new DatasetFormatException(new SourceLine(types.get(), Math.max(1, nonBlankTail(typeLines))),
                    "the type file has " + nonBlankTail(typeLines) + " lines but " + questions + " has "
                            + nonBlankTail(lines) + " (expected one type chain per question line)");
        }
        List<KgqaExample> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            SourceLine at = new SourceLine(questions, i + 1);
            String type = typeLines == null || i >= typeLines.size() ? "" : typeLines.get(i).strip();
            if (line.isBlank()) {
                if (!type.isEmpty()) {
                    throw new DatasetFormatException(new SourceLine(types.get(), i + 1),
                            "type '" + type + "' is aligned with a blank question line");
                }
                continue;
            }
            out.add(parse(line, at, type, typeLines == null ? null : new SourceLine(types.get(), i + 1), hops,
                    idPrefix));
        }
        return out;
    }

    private static KgqaExample parse(String line, SourceLine at, String type, SourceLine typeAt, int hops,
                                     String idPrefix) {
        String[] f = DatasetLines.fields(line, '\t');
        if (f.length != 2) {
            throw new DatasetFormatException(at, "expected 2 tab-separated fields "
                    + "'question with [topic]<TAB>answer1|answer2|...', found " + f.length);
        }
        String question = f[0].strip();
        List<String> topics = new ArrayList<>();
        Matcher m = TOPIC.matcher(question);
        while (m.find()) {
            topics.add(m.group(1).strip());
        }
        if (topics.isEmpty()) {
            throw new DatasetFormatException(at, "expected the topic entity in [brackets] in the question '"
                    + question + "'");
        }
        List<String> answers = new ArrayList<>();
        String[] parts = DatasetLines.fields(f[1], '|');
        for (int j = 0; j < parts.length; j++) {
            String a = parts[j].strip();
            if (a.isEmpty()) {
                throw new DatasetFormatException(at, "answer " + (j + 1) + " of " + parts.length
                        + " is empty (expected 'answer1|answer2|...')");
            }
            answers.add(a);
        }
        List<RelationPath> gold = List.of();
        if (typeAt != null) {
            if (type.isEmpty()) {
                throw new DatasetFormatException(typeAt, "expected a type chain for question line " + at.line()
                        + ", found a blank line");
            }
            RelationPath path = MetaQaTypeChain.toPath(type, typeAt);
            if (hops > 0 && path.length() != hops) {
                throw new DatasetFormatException(typeAt, "type chain '" + type + "' has " + path.length()
                        + " hops but the file sits in the " + hops + "-hop folder");
            }
            gold = List.of(path);
        }
        return new KgqaExample(idPrefix + "-" + at.line(), question, topics, answers, gold, hops, type, at, line);
    }

    private static int nonBlankTail(List<String> lines) {
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).isBlank()) {
            n--;
        }
        return n;
    }
}
