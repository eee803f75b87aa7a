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
 *         + (v_0' C_0)(D_0' r_1) + (v_1' C_1)(D_1' r_L) role terms: first and last hop, from attended words
 *         + sum_{1<i<L} (v_2' C_2)(D_2' r_i)            role term of the middle hop(s), likewise
 *         + l_L . q + b_L                               explicit length / stop decision
 *         + sum_i t(r_i, r_{i+1})                       learned prior on consecutive relation pairs
 * </pre>
 *
 * The role terms are what lets a planner trained on 1- and 2-hop questions compose 3-hop ones. The
 * position slots read the whole question vector, so a slot picks whichever relation the question
 * mentions most (for "who acted in the films directed by the director of X" the last-hop slot preferred
 * {@code directed_by}), and the slots of a 3-hop path's middle and of position 3 from the topic were
 * never trained in the role they get. The two roles, "the hop next to the topic" (a path's first) and
 * "the hop next to the answer" (its last), mean the same at every length. Each role reads its own
 * summary of the question: {@code v_role = sum_j a_j w_j} over the question's words ({@link QuestionWords};
 * each word embedded on its own by the encoder), with attention
 * {@code a = softmax_j(sum_f alpha_role[bucket_jf])} learned over word positions only (offset from the
 * topic mask, index from the start, index from the end),
 * so which part of the question describes a role's hop is learned from where it sits, not from absolute
 * slot numbers, and no word list is built in. A middle hop has a third role ("between the two"); 1- and
 * 2-hop questions never train it, the synthetic compositions of the trainer do.
 *
 * The beam ranks prefixes by the whole-path term, the pair prior, the from-topic slots and the first
 * hop's role term (what a prefix already says, before any stop decision). Zero-shot weights are
 * {@code W = I} and zeros elsewhere: plain cosine, and the question's words are not needed. {@code W} is
 * row-major {@code d x d}; {@code A_s}, {@code B_s}, {@code C_role}, {@code D_role} are row-major {@code d x k}.
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
    // role attention, ROLES x: C (d x k), D (d x k), position logits (QuestionWords.BUCKETS)
    private final float[][] roleC;
    private final float[][] roleD;
    private final float[][] roleAlpha;
    private final boolean hasRoles;

    /**
     * Role 0: the hop next to the topic (a path's first); role 1: the hop next to the answer (its last);
     * role 2: a hop between them (only paths of three or more hops have one; trained by the synthetic
     * compositions, see {@code TrainingOptions.Builder#compositionRate}).
     */
    public static final int ROLES = 3;

    private PlannerWeights(int dim, int maxHops, int rank, float[] whole, float[][] slotA, float[][] slotB,
                           float[][] lengthW, float[] lengthB, java.util.SortedMap<String, Float> pairPrior,
                           float[][] roleC, float[][] roleD, float[][] roleAlpha) {
        this.dim = dim;
        this.maxHops = maxHops;
        this.rank = rank;
        this.whole = whole;
        this.slotA = slotA;
        this.slotB = slotB;
        this.lengthW = lengthW;
        this.lengthB = lengthB;
        this.pairPrior = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(pairPrior));
        this.roleC = roleC;
        this.roleD = roleD;
        this.roleAlpha = roleAlpha;
        boolean any = false;
        for (float[] x : roleD) {
            for (float v : x) {
                any |= v != 0f;
            }
        }
        this.hasRoles = any;
    }

    /** Identity whole-path map scaled by {@code scale}, everything else zero. */
    public static PlannerWeights identity(int dim, int maxHops, int rank, float scale) {
        float[] w = new float[dim * dim];
        for (int i = 0; i < dim; i++) {
            w[i * dim + i] = scale;
        }
        return new PlannerWeights(dim, maxHops, rank, w, new float[2 * maxHops][dim * rank],
                new float[2 * maxHops][dim * rank], new float[maxHops][dim], new float[maxHops], new java.util.TreeMap<>(),
                new float[ROLES][dim * rank], new float[ROLES][dim * rank], new float[ROLES][QuestionWords.BUCKETS]);
    }

    /** As the full {@code of} with no role attention (all zero). */
    public static PlannerWeights of(int dim, int maxHops, int rank, float[] whole, float[][] slotA, float[][] slotB,
                                    float[][] lengthW, float[] lengthB, java.util.Map<String, Float> pairPrior) {
        return of(dim, maxHops, rank, whole, slotA, slotB, lengthW, lengthB, pairPrior, new float[ROLES][dim * rank],
                new float[ROLES][dim * rank], new float[ROLES][QuestionWords.BUCKETS]);
    }

    /** Wraps arrays laid out as documented above (copied; the caller keeps its own). */
    public static PlannerWeights of(int dim, int maxHops, int rank, float[] whole, float[][] slotA, float[][] slotB,
                                    float[][] lengthW, float[] lengthB, java.util.Map<String, Float> pairPrior,
                                    float[][] roleC, float[][] roleD, float[][] roleAlpha) {
        check(roleC.length == ROLES && roleD.length == ROLES && roleAlpha.length == ROLES, "role count");
        for (int r = 0; r < ROLES; r++) {
            check(roleC[r].length == dim * rank && roleD[r].length == dim * rank
                    && roleAlpha[r].length == QuestionWords.BUCKETS, "role attention size");
        }
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
                deepCopy(lengthW), lengthB.clone(), new java.util.TreeMap<>(pairPrior), deepCopy(roleC), deepCopy(roleD),
                deepCopy(roleAlpha));
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
        return (long) dim * dim + 4L * maxHops * dim * rank + (long) maxHops * (dim + 1)
                + (long) ROLES * (2L * dim * rank + QuestionWords.BUCKETS);
    }

    /** Whether the role attention is trained (non-zero); without it the question's words are not needed. */
    public boolean hasRoles() {
        return hasRoles;
    }

    /**
     * Role attention over a question's words, by position only: {@code a = softmax_j(sum_f alpha[bucket_jf])}
     * and {@code out = sum_j a_j w_j} (zero without words). Writes the weights into {@code attention}.
     */
    public static void attend(float[][] words, int[][] buckets, float[] alpha, float[] out, double[] attention) {
        Arrays.fill(out, 0f);
        int n = words.length;
        if (n == 0) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double z = 0;
            for (int b : buckets[j]) {
                z += alpha[b];
            }
            attention[j] = z;
            max = Math.max(max, attention[j]);
        }
        double z = 0;
        for (int j = 0; j < n; j++) {
            attention[j] = Math.exp(attention[j] - max);
            z += attention[j];
        }
        for (int j = 0; j < n; j++) {
            attention[j] /= z;
            float a = (float) attention[j];
            float[] w = words[j];
            for (int i = 0; i < out.length; i++) {
                out[i] += a * w[i];
            }
        }
    }

    /** The question-side vectors every path score of one question needs, computed once per question. */
    public Projection project(float[] q) {
        return project(q, new float[0][], new int[0][]);
    }

    /**
     * As {@link #project(float[])}, with the question's words ({@link QuestionWords}: each word's embedding and
     * offset bucket) for the role attention.
     */
    public Projection project(float[] q, float[][] words, int[][] buckets) {
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
        float[][] roles = new float[ROLES][rank];
        if (hasRoles && words.length > 0) {
            float[] v = new float[dim];
            double[] att = new double[words.length];
            for (int r = 0; r < ROLES; r++) {
                attend(words, buckets, roleAlpha[r], v, att);
                leftMultiply(v, roleC[r], dim, rank, roles[r]);
            }
        }
        return new Projection(this, uw, us, len, roles);
    }

    /** The hop-side vectors of one hop embedding: {@code B_s' r} for every slot (cache them per relation). */
    public float[][] projectHop(float[] r) {
        float[][] out = new float[2 * maxHops + ROLES][rank];
        for (int s = 0; s < 2 * maxHops; s++) {
            leftMultiply(r, slotB[s], dim, rank, out[s]);
        }
        for (int role = 0; role < ROLES; role++) {
            leftMultiply(r, roleD[role], dim, rank, out[2 * maxHops + role]);
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
        private final float[][] roles;

        Projection(PlannerWeights w, float[] whole, float[][] slots, float[] length, float[][] roles) {
            this.maxHops = w.maxHops;
            this.whole = whole;
            this.slots = slots;
            this.length = length;
            this.roles = roles;
        }

        /**
         * Full score of a complete path.
         *
         * @param hops per hop, its {@link #projectHop} vectors
         * @param pairPrior the path's {@link PlannerWeights#pairPrior}
         */
        public double score(float[] pathEmbedding, float[][][] hops, float pairPrior) {
            int len = hops.length;
            int roleSlot = 2 * maxHops;
            double s = dot(whole, pathEmbedding) + pairPrior + length[len - 1]
                    + dot(roles[0], hops[0][roleSlot]) + dot(roles[1], hops[len - 1][roleSlot + 1]);
            for (int i = 1; i < len - 1; i++) {
                s += dot(roles[2], hops[i][roleSlot + 2]);
            }
            for (int i = 0; i < len; i++) {
                int fromAnswer = maxHops + len - 1 - i;
                s += dot(slots[i], hops[i][i]) + dot(slots[fromAnswer], hops[i][fromAnswer]);
            }
            return s;
        }

        /** The beam's score for a prefix that may still grow. */
        public double prefixScore(float[] pathEmbedding, float[][][] hops, float pairPrior) {
            double s = dot(whole, pathEmbedding) + pairPrior + dot(roles[0], hops[0][2 * maxHops]);
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

    float[] roleC(int r) {
        return roleC[r];
    }

    float[] roleD(int r) {
        return roleD[r];
    }

    float[] roleAlpha(int r) {
        return roleAlpha[r];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlannerWeights w) || w.dim != dim || w.maxHops != maxHops || w.rank != rank) {
            return false;
        }
        return Arrays.equals(whole, w.whole) && Arrays.deepEquals(slotA, w.slotA) && Arrays.deepEquals(slotB, w.slotB)
                && Arrays.deepEquals(lengthW, w.lengthW) && Arrays.equals(lengthB, w.lengthB) && pairPrior.equals(w.pairPrior)
                && Arrays.deepEquals(roleC, w.roleC) && Arrays.deepEquals(roleD, w.roleD)
                && Arrays.deepEquals(roleAlpha, w.roleAlpha);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(whole) * 31 + Arrays.hashCode(lengthB);
    }
}
