package dev.ariadne.engine.quickstart;

import dev.ariadne.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A question the quickstart asks, with the answers the example graph holds for it. */
public record DemoQuestion(String question, SortedSet<String> expected) {
    public DemoQuestion {
        expected = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(expected));
    }

    static List<DemoQuestion> parse(String text, String source) {
        List<DemoQuestion> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new InvalidInputException(source + " line " + n + ": expected 'question<TAB>answer|answer'");
            }
            out.add(new DemoQuestion(f[0].strip(), new TreeSet<>(List.of(f[1].strip().split("\\|")))));
        }
        return out;
    }
}
