package dev.ariadne.models.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scoring maths of {@link PlannerWeights} on small random weights, checked against a direct computation. */
class PlannerWeightsTest {
    private static final int D = 6;
    private static final int H = 3;
    private static final int K = 2;

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Random slots; whole-path map, length head and pair priors zero unless {@code withRest}. */
    private static PlannerWeights weights(long seed, boolean withRest) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] a = new float[2 * H][];
        float[][] b = new float[2 * H][];
        for (int s = 0; s < 2 * H; s++) {
            a[s] = random(rng, D * K);
            b[s] = random(rng, D * K);
        }
        float[][] lw = new float[H][];
        for (int h = 0; h < H; h++) {
            lw[h] = withRest ? random(rng, D) : new float[D];
        }
        float[] lb = withRest ? random(rng, H) : new float[H];
        return PlannerWeights.of(D, H, K, withRest ? random(rng, D * D) : new float[D * D], a, b, lw, lb, Map.of());
    }

    /** (q' A)(B' r) for row-major D x K matrices, computed directly. */
    private static double lowRank(float[] q, float[] a, float[] r, float[] b) {
        double total = 0;
        for (int c = 0; c < K; c++) {
            double qa = 0;
            double rb = 0;
            for (int i = 0; i < D; i++) {
                qa += q[i] * a[i * K + c];
                rb += r[i] * b[i * K + c];
            }
            total += qa * rb;
        }
        return total;
    }

    /** (q' A_s)(B_s' r). */
    private static double slot(PlannerWeights w, int s, float[] q, float[] r) {
        return lowRank(q, w.slotA(s), r, w.slotB(s));
    }

    private static double score(PlannerWeights w, float[] q, float[] e, List<float[]> hops) {
        float[][][] projected = new float[hops.size()][][];
        for (int i = 0; i < hops.size(); i++) {
            projected[i] = w.projectHop(hops.get(i));
        }
        return w.project(q).score(e, projected, 0f);
    }

    @Test
    void fullScoreMatchesTheDocumentedFormula() {
        PlannerWeights w = weights(5, true);
        SplittableRandom rng = new SplittableRandom(6);
        float[] q = random(rng, D);
        float[] e = random(rng, D);
        List<float[]> hops = List.of(random(rng, D), random(rng, D), random(rng, D));
        int len = hops.size();
        double expected = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                expected += q[i] * w.wholeMatrix()[i * D + j] * e[j];
            }
        }
        expected += PlannerWeights.dot(w.lengthWeights(len - 1), q) + w.lengthBiases()[len - 1];
        for (int i = 0; i < len; i++) {
            expected += slot(w, i, q, hops.get(i)) + slot(w, H + len - 1 - i, q, hops.get(i));
        }
        assertEquals(expected, score(w, q, e, hops), 1e-3);
        // the slots make the score order-aware: the same hops reversed score differently
        assertTrue(Math.abs(score(w, q, e, List.of(hops.get(2), hops.get(1), hops.get(0))) - expected) > 1e-2);
    }

    /** Weights with only the role attention set: C, D random, position logits {@code alpha}. */
    private static PlannerWeights roleWeights(long seed, float[][] alpha) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] zeroSlots = new float[2 * H][D * K];
        float[][] c = {random(rng, D * K), random(rng, D * K), random(rng, D * K)};
        float[][] d = {random(rng, D * K), random(rng, D * K), random(rng, D * K)};
        float[][] lw = new float[H][D];
        return PlannerWeights.of(D, H, K, new float[D * D], zeroSlots, zeroSlots, lw, new float[H], Map.of(), c, d, alpha);
    }

    /** (v' C_role)(D_role' r). */
    private static double role(PlannerWeights w, int role, float[] v, float[] r) {
        return lowRank(v, w.roleC(role), r, w.roleD(role));
    }

    @Test
    void roleAttentionIsASoftmaxOverWordPositions() {
        QuestionWords qw = QuestionWords.of("who acted in the films directed by X");
        assertEquals(List.of("who", "acted", "in", "the", "films", "directed", "by"), qw.words());
        float[] alpha = new float[QuestionWords.BUCKETS];
        alpha[qw.buckets()[6][0]] = 3f; // the word right before the topic ("by")
        alpha[qw.buckets()[0][1]] = 2f; // the first word ("who")
        SplittableRandom rng = new SplittableRandom(8);
        float[][] words = new float[7][];
        for (int j = 0; j < 7; j++) {
            words[j] = random(rng, D);
        }
        double[] att = new double[7];
        float[] v = new float[D];
        PlannerWeights.attend(words, qw.buckets(), alpha, v, att);
        double sum = 0;
        for (double a : att) {
            sum += a;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(Math.exp(3) / (Math.exp(3) + Math.exp(2) + 5), att[6], 1e-6);
        assertEquals(Math.exp(2) / (Math.exp(3) + Math.exp(2) + 5), att[0], 1e-6);
        for (int i = 0; i < D; i++) {
            double expected = 0;
            for (int j = 0; j < 7; j++) {
                expected += att[j] * words[j][i];
            }
            assertEquals(expected, v[i], 1e-5);
        }
    }

    @Test
    void roleTermsScoreTheFirstHopAndTheLastHopFromTheirAttendedWords() {
        QuestionWords qw = QuestionWords.of("who acted in the films directed by X");
        // role 0 (next to the topic) looks at the word before the mask, role 1 (next to the answer) at the first word
        float[][] alpha = new float[PlannerWeights.ROLES][QuestionWords.BUCKETS];
        alpha[0][qw.buckets()[6][0]] = 30f;
        alpha[1][qw.buckets()[0][1]] = 30f;
        alpha[2][qw.buckets()[3][1]] = 30f; // role 2 (a middle hop) at the fourth word
        PlannerWeights w = roleWeights(9, alpha);
        assertTrue(w.hasRoles());
        SplittableRandom rng = new SplittableRandom(10);
        float[][] words = new float[7][];
        for (int j = 0; j < 7; j++) {
            words[j] = random(rng, D);
        }
        float[] q = random(rng, D);
        float[] first = random(rng, D);
        float[] middle = random(rng, D);
        float[] last = random(rng, D);
        PlannerWeights.Projection p = w.project(q, words, qw.buckets());
        float[][][] hops = {w.projectHop(first), w.projectHop(middle), w.projectHop(last)};
        double expected = role(w, 0, words[6], first) + role(w, 1, words[0], last) + role(w, 2, words[3], middle);
        assertEquals(expected, p.score(new float[D], hops, 0f), 1e-3);
        // the middle hop is scored by the middle role only: changing it changes only that term
        float[] other = random(rng, D);
        hops[1] = w.projectHop(other);
        assertEquals(expected - role(w, 2, words[3], middle) + role(w, 2, words[3], other),
                p.score(new float[D], hops, 0f), 1e-3);
        // a two-hop path has no middle hop
        assertEquals(role(w, 0, words[6], first) + role(w, 1, words[0], last),
                p.score(new float[D], new float[][][] {w.projectHop(first), w.projectHop(last)}, 0f), 1e-3);
        // a one-hop path is both the first and the last hop
        assertEquals(role(w, 0, words[6], first) + role(w, 1, words[0], first),
                p.score(new float[D], new float[][][] {w.projectHop(first)}, 0f), 1e-3);
        // the beam's prefix score has the first hop's role only
        assertEquals(role(w, 0, words[6], first), p.prefixScore(new float[D], new float[][][] {w.projectHop(first)}, 0f), 1e-3);
        // without words (or zero-shot) the role terms are zero
        assertEquals(0.0, w.project(q).score(new float[D], hops, 0f), 1e-6);
    }

    @Test
    void questionWordsBucketOffsetsFromTheMaskAndFromBothEnds() {
        QuestionWords qw = QuestionWords.of("the movies directed by X starred who");
        assertEquals(List.of("the", "movies", "directed", "by", "starred", "who"), qw.words());
        int[] offsets = {-4, -3, -2, -1, 1, 2};
        for (int j = 0; j < offsets.length; j++) {
            assertEquals(offsets[j] + QuestionWords.SPAN, qw.buckets()[j][0]);
            assertEquals(2 * QuestionWords.SPAN + 1 + j, qw.buckets()[j][1]);
            assertEquals(2 * QuestionWords.SPAN + 1 + QuestionWords.EDGE + (offsets.length - 1 - j), qw.buckets()[j][2]);
        }
        // far offsets are clipped, and every bucket indexes the one logit table
        QuestionWords far = QuestionWords.of("a b c d e f g h i j X");
        assertEquals(0, far.buckets()[0][0]);
        assertEquals(2 * QuestionWords.SPAN + 1 + QuestionWords.EDGE + QuestionWords.EDGE - 1, far.buckets()[0][2]);
        for (int[] b : far.buckets()) {
            for (int x : b) {
                assertTrue(x >= 0 && x < QuestionWords.BUCKETS);
            }
        }
    }
}
