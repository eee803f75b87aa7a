package dev.ariadne.engine.link;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.text.EditDistance;
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
                    best = Math.min(best, EditDistance.bounded(w, t, allowed(w)));
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
}
