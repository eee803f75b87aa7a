package dev.ariadne.engine.quickstart;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.RelationPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A question wording for one relation path, with the topic written as {@code [X]}:
 * {@code directed_by,born_in<TAB>where was the director of [X] born}.
 */
public record QuestionTemplate(RelationPath path, String wording) {
    public static final String SLOT = "[X]";

    public QuestionTemplate {
        if (path.isEmpty()) {
            throw new InvalidInputException("a question template needs a non-empty relation path");
        }
        if (!wording.contains(SLOT)) {
            throw new InvalidInputException("question template '" + wording + "' has no " + SLOT + " slot");
        }
    }

    /** The question about {@code topicName}, the topic in brackets as in MetaQA. */
    public String fill(String topicName) {
        return wording.replace(SLOT, "[" + topicName + "]");
    }

    /** Reads {@code path<TAB>wording} lines; blank lines and {@code #} comments are skipped. */
    public static List<QuestionTemplate> read(Reader in, String source) {
        List<QuestionTemplate> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new InvalidInputException(source + " line " + n
                            + ": expected 'relation path<TAB>question with [X]', found no tab");
                }
                try {
                    out.add(new QuestionTemplate(RelationPath.parse(line.substring(0, tab)), line.substring(tab + 1).strip()));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(source + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return out;
    }
}
