package dev.ariadne.engine.train;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.RelationPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question-answer file for training, MetaQA's format plus an optional gold path:
 * {@code question with [topic]<TAB>answer1|answer2[<TAB>relation path]}. Answers are entity keys or
 * names. Blank lines and lines starting with {@code #} are skipped. A malformed line is an error naming
 * the file and line.
 */
public final class QaFile {
    /** One line: the question, its answers, and the gold path when the file gives one (else null). */
    public record QaLine(int lineNumber, String question, Set<String> answers, RelationPath goldPath) {
    }

    private QaFile() {
    }

    public static List<QaLine> read(Path file) {
        List<QaLine> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 2 || f.length > 3) {
                    throw new InvalidInputException(file + " line " + n
                            + ": expected 'question<TAB>answer|answer' with an optional '<TAB>relation path', found "
                            + f.length + " tab-separated fields");
                }
                if (f[0].isBlank()) {
                    throw new InvalidInputException(file + " line " + n + ": the question is empty");
                }
                Set<String> answers = new LinkedHashSet<>();
                for (String a : f[1].split("\\|")) {
                    if (!a.isBlank()) {
                        answers.add(a.strip());
                    }
                }
                if (answers.isEmpty()) {
                    throw new InvalidInputException(file + " line " + n + ": no answers after the tab");
                }
                RelationPath gold = null;
                if (f.length == 3 && !f[2].isBlank()) {
                    try {
                        gold = RelationPath.parse(f[2]);
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException(file + " line " + n + ": " + e.getMessage(), e);
                    }
                }
                out.add(new QaLine(n, f[0].strip(), answers, gold));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(file + " holds no questions");
        }
        return out;
    }
}
