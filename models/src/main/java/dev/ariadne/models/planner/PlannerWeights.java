package dev.ariadne.models.planner;

import java.util.Arrays;

/**
 * The trainable scoring head of a planner, and the one place its scoring maths lives (training and
 * planning call the same code, so they cannot drift apart). For a question vector {@code q} and a path
 * of length {@code L} with whole-path embedding {@code e} and per-hop embeddings {@code r_1..r_L}:
 *
 * <pre>
 *   score = q' W e                                      whole path (full d x d map)
 *         + sum_i (q' A_i)(B_i' r_i)                    hop i counted from the topic  } order-aware,
 *         + sum_i (q' A_{H+L-i})(B_{H+L-i}' r_i)        hop i counted from the answer } rank-k per slot
 *         + l_L . q + b_L                               explicit length / stop decision
 *         + sum_i t(r_i, r_{i+1})                       learned prior on consecutive relation pairs
 * </pre>
 *
 * The pair prior is the planner's grammar of path shapes: pairs that gold paths use get positive
 * weight, pairs that only ever appear in wrong candidates negative, unseen pairs zero. It is keyed by the
 * two hops' text forms joined by a comma (the 2-hop path form), so it composes: a 3-hop path is scored by
 * its two pairs, each of which 2-hop training can have seen.
 *
 * The beam ranks prefixes by the first two lines (what a prefix already says, before any stop
 * decision). Zero-shot weights are {@code W = I} and zeros elsewhere: plain cosine. {@code W} is
 * row-major {@code d x d}; {@code A_s}, {@code B_s} are row-major {@code d x k}.
 */
public final class PlannerWeights {
    private final int dim;
    private final int maxHops;
    private final int rank;
    private final float[] whole;
    private final float[][] slotA; // 2H slots: 0..H-1 from the topic, H..2H-1 from the answer end
    private final float[][] slotB;
    private final float[][] lengthW;
    private final float[] lengthB;
    private final java.util.SortedMap<String, Float> pairPrior;

    private PlannerWeights(int dim, int maxHops, int rank, float[] whole, float[][] slotA, float[][] slotB,
                           float[][] lengthW, float[] lengthB, java.util.SortedMap<String, Float> pairPrior) {
        this.dim = dim;
        this.maxHops = maxHops;
        this.rank = rank;
        this.whole = whole;
        this.slotA = slotA;
        this.slotB = slotB;
        this.lengthW = lengthW;
        this.lengthB = lengthB;
        this.pairPrior = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(pairPrior));
    }

    /** Identity whole-path map scaled by {@code scale}, everything else zero. */
    public static PlannerWeights identity(int dim, int maxHops, int rank, float scale) {
        float[] w = new float[dim * dim];
        for (int i = 0; i < dim; i++) {
            w[i * dim + i] = scale;
        }
        return new PlannerWeights(dim, maxHops, rank, w, new float[2 * maxHops][dim * rank],
                new float[2 * maxHops][dim * rank], new float[maxHops][dim], new float[maxHops], new java.util.TreeMap<>());
    }

    /** Wraps arrays laid out as documented above (copied; the caller keeps its own). */
    public static PlannerWeights of(int dim, int maxHops, int rank, float[] whole, float[][] slotA, float[][] slotB,
                                    float[][] lengthW, float[] lengthB, java.util.Map<String, Float> pairPrior) {
        check(whole.length == dim * dim, "whole-path matrix");
        check(slotA.length == 2 * maxHops && slotB.length == 2 * maxHops && lengthW.length == maxHops
                && lengthB.length == maxHops, "per-hop parameter count");
        for (int s = 0; s < 2 * maxHops; s++) {
            check(slotA[s].length == dim * rank && slotB[s].length == dim * rank, "per-hop slot size");
        }
        for (int h = 0; h < maxHops; h++) {
            check(lengthW[h].length == dim, "length head size");
        }
        for (String k : pairPrior.keySet()) {
            check(dev.ariadne.core.graph.RelationPath.parse(k).length() == 2, "pair prior key '" + k + "'");
        }
        return new PlannerWeights(dim, maxHops, rank, whole.clone(), deepCopy(slotA), deepCopy(slotB),
                deepCopy(lengthW), lengthB.clone(), new java.util.TreeMap<>(pairPrior));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("planner weights: wrong " + what);
        }
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    public int dim() {
        return dim;
    }

    public int maxHops() {
        return maxHops;
    }

    public int rank() {
        return rank;
    }

    /** The pair-prior sum of a path (0 for one hop, and for pairs never seen in training). */
    public float pairPrior(dev.ariadne.core.graph.RelationPath path) {
        float s = 0f;
        for (int i = 0; i + 1 < path.length(); i++) {
            Float v = pairPrior.get(path.hop(i).format() + "," + path.hop(i + 1).format());
            if (v != null) {
                s += v;
            }
        }
        return s;
    }

    /** Pair key -> prior, sorted. */
    public java.util.SortedMap<String, Float> pairPriors() {
        return pairPrior;
    }

    /** Total number of floats of the dense part, for the file format. */
    public long parameterCount() {
        return parameterCount(dim, maxHops, rank);
    }

    static long parameterCount(int dim, int maxHops, int rank) {
        return (long) dim * dim + 4L * maxHops * dim * rank + (long) maxHops * (dim + 1);
    }

    /** The question-side vectors every path score of one question needs, computed once per question. */
    public Projection project(float[] q) {
        if (q.length != dim) {
            throw new IllegalArgumentException("question vector has " + q.length + " dimensions, planner expects " + dim);
        }
        float[] uw = new float[dim];
        leftMultiply(q, whole, dim, dim, uw);
        float[][] us = new float[2 * maxHops][rank];
        for (int s = 0; s < 2 * maxHops; s++) {
            leftMultiply(q, slotA[s], dim, rank, us[s]);
        }
        float[] len = new float[maxHops];
        for (int h = 0; h < maxHops; h++) {
            len[h] = dot(lengthW[h], q) + lengthB[h];
        }
        return new Projection(this, uw, us, len);
    }

    /** The hop-side vectors of one hop embedding: {@code B_s' r} for every slot (cache them per relation). */
    public float[][] projectHop(float[] r) {
        float[][] out = new float[2 * maxHops][rank];
        for (int s = 0; s < 2 * maxHops; s++) {
            leftMultiply(r, slotB[s], dim, rank, out[s]);
        }
        return out;
    }

    /** {@code out = v' M} for a row-major {@code rows x cols} matrix. */
    public static void leftMultiply(float[] v, float[] m, int rows, int cols, float[] out) {
        Arrays.fill(out, 0f);
        for (int i = 0; i < rows; i++) {
            float vi = v[i];
            if (vi == 0f) {
                continue;
            }
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += vi * m[row + j];
            }
        }
    }

    public static float dot(float[] a, float[] b) {
        float s = 0f;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Question-side vectors of one question. */
    public static final class Projection {
        private final int maxHops;
        private final float[] whole;
        private final float[][] slots;
        private final float[] length;

        Projection(PlannerWeights w, float[] whole, float[][] slots, float[] length) {
            this.maxHops = w.maxHops;
            this.whole = whole;
            this.slots = slots;
            this.length = length;
        }

        /**
         * Full score of a complete path.
         *
         * @param hops per hop, its {@link #projectHop} vectors
         * @param pairPrior the path's {@link PlannerWeights#pairPrior}
         */
        public double score(float[] pathEmbedding, float[][][] hops, float pairPrior) {
            int len = hops.length;
            double s = prefixScore(pathEmbedding, hops, pairPrior) + length[len - 1];
            for (int i = 0; i < len; i++) {
                int slot = maxHops + len - 1 - i;
                s += dot(slots[slot], hops[i][slot]);
            }
            return s;
        }

        /** The beam's score for a prefix that may still grow. */
        public double prefixScore(float[] pathEmbedding, float[][][] hops, float pairPrior) {
            double s = dot(whole, pathEmbedding) + pairPrior;
            for (int i = 0; i < hops.length; i++) {
                s += dot(slots[i], hops[i][i]);
            }
            return s;
        }
    }

    // raw access for serialisation; never modified
    float[] wholeMatrix() {
        return whole;
    }

    float[] slotA(int s) {
        return slotA[s];
    }

    float[] slotB(int s) {
        return slotB[s];
    }

    float[] lengthWeights(int h) {
        return lengthW[h];
    }

    float[] lengthBiases() {
        return lengthB;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlannerWeights w) || w.dim != dim || w.maxHops != maxHops || w.rank != rank) {
            return false;
        }
        return Arrays.equals(whole, w.whole) && Arrays.deepEquals(slotA, w.slotA) && Arrays.deepEquals(slotB, w.slotB)
                && Arrays.deepEquals(lengthW, w.lengthW) && Arrays.equals(lengthB, w.lengthB) && pairPrior.equals(w.pairPrior);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(whole) * 31 + Arrays.hashCode(lengthB);
    }
}
