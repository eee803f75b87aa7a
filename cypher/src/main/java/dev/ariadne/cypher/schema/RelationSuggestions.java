package dev.ariadne.cypher.schema;

import dev.ariadne.core.text.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The existing names closest to a misspelt one, by case-insensitive Levenshtein distance. */
public final class RelationSuggestions {
    private RelationSuggestions() {
    }

    /** Up to {@code n} of {@code candidates}, closest first, ties by name. */
    public static List<String> closest(String wanted, Collection<String> candidates, int n) {
        String w = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (String c : candidates) {
            scored.add(new Scored(c, EditDistance.of(w, c.toLowerCase(Locale.ROOT))));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>(Math.min(n, scored.size()));
        for (int i = 0; i < scored.size() && i < n; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }
}
