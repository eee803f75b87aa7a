package dev.ariadne.cypher.schema;

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
            scored.add(new Scored(c, distance(w, c.toLowerCase(Locale.ROOT))));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>(Math.min(n, scored.size()));
        for (int i = 0; i < scored.size() && i < n; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
