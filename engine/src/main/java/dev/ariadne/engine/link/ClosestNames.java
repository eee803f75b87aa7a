package dev.ariadne.engine.link;

import dev.ariadne.core.graph.Entity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The entity names nearest to words that matched nothing, for the "did you mean" of a failed link. A
 * name is near when one of its tokens is within a small edit distance of a content word of the question
 * (one edit up to 5 letters, two beyond); names near more words, then by fewer edits, come first. A scan
 * of every name: run only when linking has already failed.
 */
final class ClosestNames {
    private ClosestNames() {
    }

    private record Near(Entity entity, int words, int edits) {
    }

    static List<Entity> of(NameIndex index, List<String> words, int limit) {
        List<Near> near = new ArrayList<>();
        for (Map.Entry<String, List<Entity>> e : index.byNormalisedNames()) {
            String[] nameTokens = e.getKey().split(" ");
            int matched = 0;
            int edits = 0;
            for (String w : words) {
                int best = Integer.MAX_VALUE;
                for (String t : nameTokens) {
                    best = Math.min(best, distance(w, t, allowed(w)));
                }
                if (best <= allowed(w)) {
                    matched++;
                    edits += best;
                }
            }
            if (matched > 0) {
                for (Entity entity : e.getValue()) {
                    near.add(new Near(entity, matched, edits));
                }
            }
        }
        near.sort(Comparator.comparingInt((Near n) -> -n.words).thenComparingInt(n -> n.edits)
                .thenComparing(n -> n.entity.key()));
        return near.stream().limit(limit).map(Near::entity).toList();
    }

    private static int allowed(String word) {
        return word.length() < 3 ? 0 : word.length() <= 5 ? 1 : 2;
    }

    /** Levenshtein distance of a and b, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
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
        return prev[b.length()];
    }
}
