package dev.ariadne.benchmarks.metrics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answer metrics of one question (each 0 or 1, or a fraction), or their means over many.
 *
 * <ul>
 *   <li>{@code hits1} (strict Hits@1): the top-ranked answer is gold.</li>
 *   <li>{@code hit} ("RoG's Hits@1"): any returned answer is gold. RoG reports this as Hits@1; it rewards
 *       returning many answers, so it is shown separately and labelled.</li>
 *   <li>{@code precision}: share of the distinct returned answers that are gold (0 when none returned).</li>
 *   <li>{@code recall}: share of the gold answers returned.</li>
 *   <li>{@code f1}: harmonic mean of the two (0 when both are 0).</li>
 *   <li>{@code exactMatch}: the returned set equals the gold set.</li>
 * </ul>
 * When the gold set is empty (datasets should not have such questions), returning nothing scores 1
 * everywhere except Hits@1 and Hit, which need a gold answer.
 */
public record AnswerScores(double hits1, double hit, double precision, double recall, double f1, double exactMatch) {
    public static final AnswerScores ZERO = new AnswerScores(0, 0, 0, 0, 0, 0);

    /** Scores ranked {@code returned} against {@code gold} under {@code mode}. */
    public static AnswerScores score(List<ReturnedAnswer> returned, List<String> gold, MatchMode mode) {
        Set<String> goldSet = new LinkedHashSet<>();
        for (String g : gold) {
            goldSet.add(mode.normalise(g));
        }
        Set<String> predicted = new LinkedHashSet<>();
        for (ReturnedAnswer a : returned) {
            predicted.add(mode.of(a));
        }
        if (goldSet.isEmpty()) {
            double v = predicted.isEmpty() ? 1 : 0;
            return new AnswerScores(0, 0, v, v, v, v);
        }
        int correct = 0;
        for (String p : predicted) {
            if (goldSet.contains(p)) {
                correct++;
            }
        }
        double hits1 = !returned.isEmpty() && goldSet.contains(mode.of(returned.get(0))) ? 1 : 0;
        double hit = correct > 0 ? 1 : 0;
        double precision = predicted.isEmpty() ? 0 : (double) correct / predicted.size();
        double recall = (double) correct / goldSet.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double em = predicted.equals(goldSet) ? 1 : 0;
        return new AnswerScores(hits1, hit, precision, recall, f1, em);
    }

    /** The mean of each metric; ZERO for no scores. */
    public static AnswerScores mean(List<AnswerScores> scores) {
        if (scores.isEmpty()) {
            return ZERO;
        }
        double h1 = 0, h = 0, p = 0, r = 0, f = 0, em = 0;
        for (AnswerScores s : scores) {
            h1 += s.hits1;
            h += s.hit;
            p += s.precision;
            r += s.recall;
            f += s.f1;
            em += s.exactMatch;
        }
        int n = scores.size();
        return new AnswerScores(h1 / n, h / n, p / n, r / n, f / n, em / n);
    }
}
