package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads WorldCup2014 (IRN, 2018):
 * {@code question<TAB>answer<TAB>gold path<TAB>answer set/<TAB>context[<TAB>topic1/topic2/]}. A
 * conjunctive question joins two gold paths with {@code *} (each from one topic to the answer) and names
 * its topics in the sixth field. Relations spelled {@code r_inverse} become {@code ~r}
 * ({@link IrnRelations}). The gold answer set is the answer set field plus the answer field.
 */
public final class WorldCupReader {
    private WorldCupReader() {
    }

    public static List<KgqaExample> read(Path file) {
        List<String> lines = DatasetLines.read(file, "WorldCup2014");
        String prefix = "wc-" + PathQuestionReader.stem(file);
        List<KgqaExample> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            SourceLine at = new SourceLine(file, i + 1);
            String[] f = DatasetLines.fields(lines.get(i), '\t');
            if (f.length != 5 && f.length != 6) {
                throw new DatasetFormatException(at, "expected 5 or 6 tab-separated fields 'question<TAB>answer<TAB>"
                        + "gold path<TAB>answer set/<TAB>context[<TAB>topics/]', found " + f.length);
            }
            String question = f[0].strip();
            String answer = f[1].strip();
            if (question.isEmpty()) {
                throw new DatasetFormatException(at, "the question (field 1) is empty");
            }
            if (answer.isEmpty()) {
                throw new DatasetFormatException(at, "the answer (field 2) is empty");
            }
            String[] pathTexts = f[2].strip().split("\\*", -1);
            List<IrnPath> paths = new ArrayList<>();
            for (String p : pathTexts) {
                paths.add(IrnPath.parse(p, at));
            }
            Set<String> answers = new LinkedHashSet<>(PathQuestionReader.slashList(f[3]));
            answers.add(answer);
            List<String> topics;
            if (f.length == 6) {
                topics = PathQuestionReader.slashList(f[5]);
                if (topics.size() != paths.size()) {
                    throw new DatasetFormatException(at, "field 6 names " + topics.size() + " topic(s) but the gold path"
                            + " has " + paths.size() + " '*'-joined path(s) (expected one topic per path)");
                }
            } else {
                topics = paths.stream().map(IrnPath::topic).distinct().toList();
            }
            List<RelationPath> gold = paths.stream().map(IrnPath::relations).toList();
            int hops = gold.stream().mapToInt(RelationPath::length).max().orElse(0);
            String type = paths.size() > 1 ? "conjunctive" : hops + "-hop";
            out.add(new KgqaExample(prefix + "-" + at.line(), question, topics, List.copyOf(answers), gold, hops,
                    type, at, f[2].strip()));
        }
        return out;
    }
}
