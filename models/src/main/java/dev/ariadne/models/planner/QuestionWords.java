package dev.ariadne.models.planner;

import dev.ariadne.core.plan.PlanningRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a masked question with each word's position features: what the planner's role attention
 * ({@link PlannerWeights}) reads to find which part of the question talks about the hop next to the topic
 * and which about the hop next to the answer. Words are maximal runs of letters and digits, lower-cased;
 * the mask itself is not a word. Each word has {@link #FEATURES} position buckets, all indexes into one
 * table of {@link #BUCKETS} learned logits: its offset from the topic mask clipped to
 * {@code [-SPAN, SPAN]}, its index from the start and its index from the end, both clipped to
 * {@code EDGE - 1}. A question without the mask counts every word as before it.
 *
 * @param words the words, in question order (each is embedded on its own by the encoder, and cached)
 * @param buckets per word, its {@link #FEATURES} bucket indexes
 */
public record QuestionWords(List<String> words, int[][] buckets) {
    public static final int SPAN = 6;
    public static final int EDGE = 6;
    public static final int FEATURES = 3;
    public static final int BUCKETS = 2 * SPAN + 1 + 2 * EDGE;

    public static QuestionWords of(String maskedQuestion) {
        String[] raw = maskedQuestion.split("[^\\p{L}\\p{N}]+");
        List<String> tokens = new ArrayList<>(raw.length);
        int mask = -1;
        for (String t : raw) {
            if (t.isEmpty()) {
                continue;
            }
            if (mask < 0 && t.equals(PlanningRequest.MASK)) {
                mask = tokens.size();
                continue;
            }
            tokens.add(t.toLowerCase(Locale.ROOT));
        }
        int n = tokens.size();
        int at = mask < 0 ? n : mask;
        int[][] buckets = new int[n][FEATURES];
        for (int j = 0; j < n; j++) {
            int offset = j < at ? j - at : j - at + 1;
            buckets[j][0] = Math.max(-SPAN, Math.min(SPAN, offset)) + SPAN;
            buckets[j][1] = 2 * SPAN + 1 + Math.min(j, EDGE - 1);
            buckets[j][2] = 2 * SPAN + 1 + EDGE + Math.min(n - 1 - j, EDGE - 1);
        }
        return new QuestionWords(List.copyOf(tokens), buckets);
    }
}
