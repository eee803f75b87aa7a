package dev.ariadne.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Levenshtein distance, the one home for every "did you mean" and repair in Ariadne (relation types,
 * entity names, an LLM's misspelt relation). Core has no dependencies, and this is a dozen lines.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The number of single-character insertions, deletions and substitutions turning {@code a} into {@code b}. */
    public static int of(String a, String b) {
        return bounded(a, b, Integer.MAX_VALUE - 1);
    }

    /** As {@link #of}, but {@code max + 1} as soon as the distance must exceed {@code max} (cheap rejection). */
    public static int bounded(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }

    /** Up to {@code n} of {@code candidates} closest to {@code wanted} by case-insensitive distance, closest first, ties by name. */
    public static List<String> closest(String wanted, Collection<String> candidates, int n) {
        String w = wanted == null ? "" : wanted.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (String c : candidates) {
            scored.add(new Scored(c, of(w, c.toLowerCase(Locale.ROOT))));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        List<String> out = new ArrayList<>(Math.min(n, scored.size()));
        for (int i = 0; i < scored.size() && i < n; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }
}
