package dev.ariadne.models.training;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.ModelException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.PlannerManifest;
import dev.ariadne.models.planner.PlannerWeights;
import dev.ariadne.models.planner.QuestionWords;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.verbalise.PathVerbaliser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a planner head on a CPU ("fine-tuning" without touching the encoder): the encoder embeds each
 * masked question and each verbalised candidate path once, then a contrastive cross-entropy over every
 * question's candidate paths (positives against hard negatives) trains the head of
 * {@link PlannerWeights} with Adam. Deterministic for a seed: example order, candidate sampling and
 * every floating-point sum are fixed, whatever the thread count.
 */
public final class PlannerTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerTrainer.class);
    private static final int ENCODE_CHUNK = 1024;
    /** Pair priors are single scalars seen by many examples: a larger step lets them move in a few epochs. */
    private static final double PAIR_LR_FACTOR = 10;

    private final TextEncoder encoder;
    private final TrainingOptions options;
    private final TrainingProgress progress;
    private int[][] pathPairs;
    private int[][] questionWords;
    private int[][][] questionBuckets;
    private float[][] wordEmbeddings;

    private PlannerTrainer(TextEncoder encoder, TrainingOptions options, TrainingProgress progress) {
        this.encoder = encoder;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Trains a planner for the graph behind {@code constraint} and {@code retriever} (the retriever is
     * used only for weak supervision, i.e. examples without a gold path).
     */
    public static TrainedPlanner train(List<TrainingExample> examples, GraphConstraint constraint, Retriever retriever,
                                       TextEncoder encoder, TrainingOptions options) {
        return train(examples, constraint, retriever, encoder, options, TrainingProgress.NONE);
    }

    /** As above, reporting each stage's progress to {@code progress} (a progress bar). */
    public static TrainedPlanner train(List<TrainingExample> examples, GraphConstraint constraint, Retriever retriever,
                                       TextEncoder encoder, TrainingOptions options, TrainingProgress progress) {
        if (examples.isEmpty()) {
            throw new InvalidInputException("no training examples");
        }
        return new PlannerTrainer(encoder, options, progress).run(examples, constraint, retriever);
    }

    /** One example ready for the maths: question row, candidate path ids (positives first). */
    private record Prepared(int index, int question, int[] paths, int positives) {
    }

    private TrainedPlanner run(List<TrainingExample> realExamples, GraphConstraint constraint, Retriever retriever) {
        long t0 = System.nanoTime();
        int d = encoder.dimension();
        int maxHops = options.maxHops();
        String dataSha = dataSha256(realExamples);
        List<TrainingExample> examples = new ArrayList<>(realExamples);

        // deterministic split: a seeded shuffle of indices
        int nReal = realExamples.size();
        int n = nReal;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom splitRng = new SplittableRandom(options.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = splitRng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nVal = n < 20 ? 0 : (int) Math.round(n * options.validationFraction());
        boolean[] isVal0 = new boolean[n];
        for (int i = 0; i < nVal; i++) {
            isVal0[order[i]] = true;
        }

        // supervision and candidates
        CandidatePaths cands = new CandidatePaths(constraint, retriever, options);
        Map<RelationPath, Integer> pathIds = new HashMap<>();
        List<RelationPath> paths = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>(n);
        int skipped = 0;
        List<List<RelationPath>> positives = new ArrayList<>(n);
        int longest = 0;
        for (int i = 0; i < n; i++) {
            List<RelationPath> pos = new ArrayList<>(cands.positives(examples.get(i)));
            pos.removeIf(p -> p.length() > maxHops);
            positives.add(pos);
        }
        // synthetic compositions (training split only): an inner question whose answers include an outer
        // question's topic is nested into the outer one at its topic mask. Only when the training questions
        // lack some path length up to maxHops (they are the remedy for that); then of every length, so the
        // nested wording alone does not say "longer" (the shorter compositions are its controls).
        int longestReal = 0;
        for (List<RelationPath> pos : positives) {
            for (RelationPath p : pos) {
                longestReal = Math.max(longestReal, p.length());
            }
        }
        List<TrainingExample> synth = longestReal >= maxHops ? List.of()
                : compose(examples, positives, isVal0, 1, maxHops, options.compositionRate(), options.seed());
        for (TrainingExample ex : synth) {
            examples.add(ex);
            positives.add(List.of(ex.goldPath()));
        }
        n = examples.size();
        boolean[] isVal = java.util.Arrays.copyOf(isVal0, n);
        for (List<RelationPath> pos : positives) {
            for (RelationPath p : pos) {
                longest = Math.max(longest, p.length());
            }
        }
        // Candidates are never longer than the longest positive: a path shape with no positive evidence
        // would only ever be pushed down, so it is left to the shared parameters (this is what lets a
        // planner trained on 1- and 2-hop questions answer 3-hop ones).
        cands.depth(Math.max(1, longest));
        // Likewise a relation type no training question is answered through would only ever be a negative: the
        // head would learn "never this type" and bury it when a question does ask for it. Such types are left
        // out of the candidates, so the planner scores them by their wording alone (see untrainedRelations).
        java.util.Set<String> answeredTypes = new java.util.HashSet<>();
        for (List<RelationPath> pos : positives) {
            for (RelationPath p : pos) {
                for (DirectedRelation r : p.hops()) {
                    answeredTypes.add(r.type());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            TrainingExample ex = examples.get(i);
            List<RelationPath> pos = positives.get(i);
            if (pos.isEmpty()) {
                skipped++;
                continue;
            }
            SplittableRandom rng = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + i);
            List<RelationPath> c = new ArrayList<>(cands.candidates(ex.topic(), pos, rng));
            c.removeIf(path -> !answeredTypesOnly(path, answeredTypes));
            int[] ids = new int[c.size()];
            for (int k = 0; k < c.size(); k++) {
                ids[k] = pathIds.computeIfAbsent(c.get(k), p -> {
                    paths.add(p);
                    return paths.size() - 1;
                });
            }
            prepared.add(new Prepared(i, i, ids, pos.size()));
            positiveSets.put(i, new java.util.HashSet<>(pos));
        }
        if (prepared.isEmpty()) {
            throw new ModelException("no training example has a positive path in the graph (gold paths missing from the "
                    + "graph, or no path of at most " + maxHops + " hops reaches the gold answers)");
        }
        long t1 = System.nanoTime();
        LOG.info("planner training: {} examples ({} skipped without a positive path), positives up to {} hops, {} "
                + "distinct candidate paths, candidates in {} ms", prepared.size(), skipped, longest, paths.size(),
                (t1 - t0) / 1_000_000);

        // embeddings, each text once
        List<String> questions = new ArrayList<>(n);
        for (TrainingExample ex : examples) {
            questions.add(ex.maskedQuestion());
        }
        float[][] q = encodeChunked(questions);
        // the question's words, each embedded once, for the role attention
        Map<String, Integer> wordIds = new java.util.LinkedHashMap<>();
        questionWords = new int[n][];
        questionBuckets = new int[n][][];
        for (int i = 0; i < n; i++) {
            QuestionWords qw = QuestionWords.of(questions.get(i));
            questionWords[i] = new int[qw.words().size()];
            for (int j = 0; j < qw.words().size(); j++) {
                questionWords[i][j] = wordIds.computeIfAbsent(qw.words().get(j), x -> wordIds.size());
            }
            questionBuckets[i] = qw.buckets();
        }
        wordEmbeddings = encodeChunked(new ArrayList<>(wordIds.keySet()));
        List<String> pathTexts = new ArrayList<>(paths.size());
        Map<DirectedRelation, Integer> hopIds = new HashMap<>();
        List<String> hopTexts = new ArrayList<>();
        int[][] pathHops = new int[paths.size()][];
        for (int p = 0; p < paths.size(); p++) {
            RelationPath path = paths.get(p);
            pathTexts.add(PathVerbaliser.verbalise(path));
            pathHops[p] = new int[path.length()];
            for (int h = 0; h < path.length(); h++) {
                DirectedRelation r = path.hop(h);
                pathHops[p][h] = hopIds.computeIfAbsent(r, x -> {
                    hopTexts.add(PathVerbaliser.verbaliseHop(x));
                    return hopTexts.size() - 1;
                });
            }
        }
        Map<String, Integer> pairIds = new java.util.TreeMap<>();
        for (RelationPath path : paths) {
            for (int h = 0; h + 1 < path.length(); h++) {
                pairIds.putIfAbsent(path.hop(h).format() + "," + path.hop(h + 1).format(), 0);
            }
        }
        List<String> pairKeys = new ArrayList<>(pairIds.keySet());
        for (int i = 0; i < pairKeys.size(); i++) {
            pairIds.put(pairKeys.get(i), i);
        }
        pathPairs = new int[paths.size()][];
        for (int p = 0; p < paths.size(); p++) {
            RelationPath path = paths.get(p);
            pathPairs[p] = new int[Math.max(0, path.length() - 1)];
            for (int h = 0; h + 1 < path.length(); h++) {
                pathPairs[p][h] = pairIds.get(path.hop(h).format() + "," + path.hop(h + 1).format());
            }
        }
        float[][] pe = encodeChunked(pathTexts);
        float[][] he = encodeChunked(hopTexts);
        long t2 = System.nanoTime();
        LOG.info("planner training: embedded {} questions, {} paths, {} hops in {} ms", n, pathTexts.size(),
                hopTexts.size(), (t2 - t1) / 1_000_000);

        List<Prepared> train = new ArrayList<>();
        List<Prepared> val = new ArrayList<>();
        for (Prepared p : prepared) {
            (isVal[p.index()] ? val : train).add(p);
        }
        if (train.isEmpty()) {
            train = val;
        }

        Model model = new Model(d, maxHops, options.hopRank(), (float) options.initialScale(), options.seed(), pairKeys);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "ariadne-planner-training");
            t.setDaemon(true);
            return t;
        });
        try {
            fit(model, train, q, pe, he, pathHops, pool);
        } finally {
            pool.shutdownNow();
        }
        long t3 = System.nanoTime();

        // temperature on the validation split (or the training data when there is none)
        List<Prepared> calib = val.isEmpty() ? train : val;
        double temperature = fitTemperature(model, calib, q, pe, he, pathHops);
        TreeSet<String> vocab = new TreeSet<>(answeredTypes);
        List<String> readable = new ArrayList<>(new TreeSet<>(wordIds.keySet()));
        PlannerWeights weights = model.freeze();
        PlannerManifest.Hyperparameters hyper = new PlannerManifest.Hyperparameters(options.epochs(), options.batchSize(),
                options.learningRate(), options.l2(), options.initialScale(), options.maxCandidates(),
                options.exploreWidth(), options.validationFraction(), options.beamWidth(), options.hopRank(),
                options.questionNoise(), options.minSteps(), options.compositionRate());
        PlannerManifest draft = new PlannerManifest(PlannerManifest.FORMAT_VERSION, encoder.modelId(),
                baseSha(encoder.modelId()), d, maxHops, options.hopRank(), PathVerbaliser.VERSION, dataSha, prepared.size(), options.seed(),
                hyper, new PlannerManifest.ValidationMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                new ArrayList<>(vocab), temperature, "", readable);
        PlannerManifest.ValidationMetrics metrics = validate(TrainedPlanner.of(draft, weights), examples, val, constraint);
        PlannerManifest manifest = new PlannerManifest(draft.formatVersion(), draft.baseModelId(), draft.baseModelSha256(),
                d, maxHops, options.hopRank(), draft.verbaliserVersion(), dataSha, prepared.size(), options.seed(), hyper, metrics,
                draft.relationVocabulary(), temperature, "", readable);
        long t4 = System.nanoTime();
        LOG.info("planner training: fitted in {} ms, temperature {}, validation {} in {} ms", (t3 - t2) / 1_000_000,
                String.format("%.3f", temperature), metrics, (t4 - t3) / 1_000_000);
        return TrainedPlanner.of(manifest, weights);
    }

    private static boolean answeredTypesOnly(RelationPath path, java.util.Set<String> answeredTypes) {
        for (DirectedRelation r : path.hops()) {
            if (!answeredTypes.contains(r.type())) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern MASK_TOKEN = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(PlanningRequest.MASK) + "(?![\\p{L}\\p{N}])");

    /**
     * Synthetic compositions from the training questions: when an inner question's gold answers include
     * the topic of an outer question, the outer question with the inner one written in place of its topic
     * mask asks for the inner path followed by the outer path, from the inner question's topic. Up to
     * {@code rate * n} of them, drawn with the seed, from training (not validation) questions with one
     * positive path each, of {@code minHops} to {@code maxHops} hops (the trainer composes only when no
     * training question reaches {@code maxHops}, and then every length from 1).
     */
    static List<TrainingExample> compose(List<TrainingExample> ex, List<List<RelationPath>> positives, boolean[] isVal,
                                         int minHops, int maxHops, double rate, long seed) {
        int n = ex.size();
        int want = (int) Math.round(rate * n);
        List<TrainingExample> out = new ArrayList<>();
        if (want <= 0) {
            return out;
        }
        Map<String, List<Integer>> byTopic = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (!isVal[i] && positives.get(i).size() == 1) {
                byTopic.computeIfAbsent(ex.get(i).topic().key(), k -> new ArrayList<>()).add(i);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x632BE59BD9B4E019L + 17);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int round = 0; round < 4 && out.size() < want; round++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int k = 0; k < n && out.size() < want; k++) {
                int i = order[k];
                if (isVal[i] || positives.get(i).size() != 1) {
                    continue;
                }
                RelationPath inner = positives.get(i).get(0);
                List<Integer> outers = new ArrayList<>();
                for (String a : ex.get(i).answers()) {
                    List<Integer> o = byTopic.get(a);
                    if (o != null) {
                        outers.addAll(o);
                    }
                }
                outers.removeIf(j -> j == i || inner.length() + positives.get(j).get(0).length() > maxHops
                        || inner.length() + positives.get(j).get(0).length() < minHops);
                if (outers.isEmpty()) {
                    continue;
                }
                int j = outers.get(rng.nextInt(outers.size()));
                TrainingExample in = ex.get(i);
                TrainingExample o = ex.get(j);
                java.util.regex.Matcher m = MASK_TOKEN.matcher(o.maskedQuestion());
                if (!m.find()) {
                    continue;
                }
                String mention = in.topicMention() == null || in.topicMention().isBlank() ? in.topic().name() : in.topicMention();
                String innerText = in.question();
                String text = o.maskedQuestion().substring(0, m.start()) + innerText + o.maskedQuestion().substring(m.end());
                RelationPath path = inner;
                for (DirectedRelation r : positives.get(j).get(0).hops()) {
                    path = path.append(r);
                }
                if (!seen.add(text + '\t' + in.topic().key())) {
                    continue;
                }
                out.add(new TrainingExample(text, in.topic(), mention, o.answers(), path));
            }
        }
        LOG.info("planner training: {} synthetic compositions", out.size());
        for (int i = 0; i < Math.min(6, out.size()); i++) {
            LOG.info("  e.g. '{}' -> {}", out.get(i).maskedQuestion(), out.get(i).goldPath().format());
        }
        return out;
    }

    /** Embeds each distinct text once (masked questions repeat: one template, many topics), in chunks. */
    private float[][] encodeChunked(List<String> texts) {
        Map<String, Integer> index = new java.util.LinkedHashMap<>();
        for (String t : texts) {
            index.putIfAbsent(t, index.size());
        }
        List<String> distinct = new ArrayList<>(index.keySet());
        float[][] vectors = new float[distinct.size()][];
        for (int from = 0; from < distinct.size(); from += ENCODE_CHUNK) {
            int to = Math.min(distinct.size(), from + ENCODE_CHUNK);
            float[][] part = encoder.encodeAll(distinct.subList(from, to));
            System.arraycopy(part, 0, vectors, from, to - from);
            progress.update("embedding", to, distinct.size());
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = vectors[index.get(texts.get(i))];
        }
        return out;
    }

    // ------------------------------------------------------------------ the maths

    /** Mutable parameters plus Adam state; layout as {@link PlannerWeights}. */
    static final class Model {
        final int d;
        final int hops;
        final int k;
        final float scale;
        final float[] w;
        final float[][] a;   // 2H slots then the ROLES role slots (C, D), d x k
        final float[][] b;
        final float[][] roleAlpha;
        final Adam[] adamAlpha;
        final float[][] lenW;
        final float[] lenB;
        final Adam adamW;
        final Adam[] adamA;
        final Adam[] adamB;
        final Adam[] adamL;
        final Adam adamLB;
        final List<String> pairKeys;
        final float[] pairs;
        final Adam adamP;
        int step;

        Model(int d, int hops, int k, float scale, long seed, List<String> pairKeys) {
            this.pairKeys = pairKeys;
            this.pairs = new float[pairKeys.size()];
            this.adamP = new Adam(pairKeys.size());
            this.d = d;
            this.hops = hops;
            this.k = k;
            this.scale = scale;
            w = new float[d * d];
            for (int i = 0; i < d; i++) {
                w[i * d + i] = scale;
            }
            a = new float[2 * hops + PlannerWeights.ROLES][d * k];
            b = new float[2 * hops + PlannerWeights.ROLES][d * k];
            roleAlpha = new float[PlannerWeights.ROLES][QuestionWords.BUCKETS];
            adamAlpha = new Adam[PlannerWeights.ROLES];
            for (int r = 0; r < PlannerWeights.ROLES; r++) {
                adamAlpha[r] = new Adam(QuestionWords.BUCKETS);
            }
            SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
            float init = (float) (1.0 / Math.sqrt(d));
            for (float[] x : a) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) ((rng.nextDouble() * 2 - 1) * init);
                }
            }
            lenW = new float[hops][d];
            lenB = new float[hops];
            adamW = new Adam(d * d);
            adamA = new Adam[2 * hops + PlannerWeights.ROLES];
            adamB = new Adam[2 * hops + PlannerWeights.ROLES];
            for (int s = 0; s < 2 * hops + PlannerWeights.ROLES; s++) {
                adamA[s] = new Adam(d * k);
                adamB[s] = new Adam(d * k);
            }
            adamL = new Adam[hops];
            for (int h = 0; h < hops; h++) {
                adamL[h] = new Adam(d);
            }
            adamLB = new Adam(hops);
        }

        PlannerWeights freeze() {
            Map<String, Float> prior = new java.util.TreeMap<>();
            for (int i = 0; i < pairs.length; i++) {
                prior.put(pairKeys.get(i), pairs[i]);
            }
            int slots = 2 * hops;
            int roles = PlannerWeights.ROLES;
            return PlannerWeights.of(d, hops, k, w, java.util.Arrays.copyOfRange(a, 0, slots),
                    java.util.Arrays.copyOfRange(b, 0, slots), lenW, lenB, prior,
                    java.util.Arrays.copyOfRange(a, slots, slots + roles), java.util.Arrays.copyOfRange(b, slots, slots + roles),
                    roleAlpha);
        }
    }

    /** Adam moments of one parameter block. */
    static final class Adam {
        final float[] m;
        final float[] v;

        Adam(int n) {
            m = new float[n];
            v = new float[n];
        }

        /** One step on {@code p[from..to)} with gradient {@code g} (same indexing), L2 towards {@code anchor}. */
        void step(float[] p, float[] g, int from, int to, double lr, double c1, double c2, float l2, int diagEvery,
                  float diagAnchor) {
            for (int i = from; i < to; i++) {
                float anchor = diagEvery > 0 && i % diagEvery == i / diagEvery ? diagAnchor : 0f;
                float gi = g[i] + l2 * (p[i] - anchor);
                float mi = 0.9f * m[i] + 0.1f * gi;
                float vi = 0.999f * v[i] + 0.001f * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] -= (float) (lr * (mi / c1) / (Math.sqrt(vi / c2) + 1e-8));
            }
        }
    }

    /** Per-batch hop projections: for each hop id, B_s' r for every slot (null when unused). */
    private static float[][][] hopProjections(Model m, float[][] he, boolean[] used) {
        float[][][] out = new float[he.length][][];
        for (int h = 0; h < he.length; h++) {
            if (used == null || used[h]) {
                out[h] = new float[2 * m.hops + PlannerWeights.ROLES][m.k];
                for (int s = 0; s < 2 * m.hops + PlannerWeights.ROLES; s++) {
                    PlannerWeights.leftMultiply(he[h], m.b[s], m.d, m.k, out[h][s]);
                }
            }
        }
        return out;
    }

    /** Forward pass of one example and what backprop needs. */
    private static final class Pass {
        double loss;
        float[] aW;        // d: sum_c g_c e_c
        float[][] gA;      // per slot, k: sum g_c (B_s' r)
        float[] uA;        // per slot k-vectors q'A_s, flattened (for B's gradient)
        int[] hopIds;      // distinct hops touched, with per (slot) coefficient sums
        float[][] hopCoef; // [i][slot]: sum of g over candidates using hopIds[i] in that slot
        float[] lenCoef;
        int[] pairIds;
        float[] pairCoef;
        float[][] roleV;   // per role, d: the attended word vector (the role slot's question side)
        float[][] gAlpha;  // per role, position buckets: gradient of the attention's position logits
    }

    /** The embeddings of one question's words, in order. */
    private float[][] wordsOf(int question) {
        int[] ids = questionWords[question];
        float[][] out = new float[ids.length][];
        for (int j = 0; j < ids.length; j++) {
            out[j] = wordEmbeddings[ids[j]];
        }
        return out;
    }

    /**
     * Scores of one question's candidates (as {@link PlannerWeights.Projection#score}). {@code ua} has
     * {@code 2H + ROLES} rows; {@code roleV} (ROLES x d) and {@code att} (ROLES x words) receive the role
     * attention's outputs.
     */
    static double[] scores(Model m, float[] q, float[][] words, int[][] buckets, int[] cand, float[][] pe, int[][] pathHops,
                           int[][] pathPairs, float[][][] hp, float[] uw, float[][] ua, double[] len, float[][] roleV,
                           double[][] att) {
        PlannerWeights.leftMultiply(q, m.w, m.d, m.d, uw);
        int slots = 2 * m.hops;
        for (int s = 0; s < slots; s++) {
            PlannerWeights.leftMultiply(q, m.a[s], m.d, m.k, ua[s]);
        }
        for (int r = 0; r < PlannerWeights.ROLES; r++) {
            PlannerWeights.attend(words, buckets, m.roleAlpha[r], roleV[r], att[r]);
            PlannerWeights.leftMultiply(roleV[r], m.a[slots + r], m.d, m.k, ua[slots + r]);
        }
        for (int h = 0; h < m.hops; h++) {
            len[h] = PlannerWeights.dot(m.lenW[h], q) + m.lenB[h];
        }
        double[] out = new double[cand.length];
        for (int c = 0; c < cand.length; c++) {
            int[] hop = pathHops[cand[c]];
            int L = hop.length;
            double v = PlannerWeights.dot(uw, pe[cand[c]]) + len[L - 1]
                    + PlannerWeights.dot(ua[slots], hp[hop[0]][slots])
                    + PlannerWeights.dot(ua[slots + 1], hp[hop[L - 1]][slots + 1]);
            for (int i = 1; i < L - 1; i++) {
                v += PlannerWeights.dot(ua[slots + 2], hp[hop[i]][slots + 2]);
            }
            for (int pair : pathPairs[cand[c]]) {
                v += m.pairs[pair];
            }
            for (int i = 0; i < L; i++) {
                float[][] r = hp[hop[i]];
                int end = m.hops + L - 1 - i;
                v += PlannerWeights.dot(ua[i], r[i]) + PlannerWeights.dot(ua[end], r[end]);
            }
            out[c] = v;
        }
        return out;
    }

    private static Pass forward(Model m, Prepared ex, float[][] q, float[][] words, int[][] buckets, float[][] pe,
                                int[][] pathHops, int[][] pathPairs, float[][][] hp) {
        int d = m.d;
        int slots = 2 * m.hops;
        int roles = PlannerWeights.ROLES;
        int allSlots = slots + roles;
        float[] uw = new float[d];
        float[][] ua = new float[allSlots][m.k];
        double[] len = new double[m.hops];
        float[][] roleV = new float[roles][d];
        double[][] att = new double[roles][words.length];
        double[] s = scores(m, q[ex.question()], words, buckets, ex.paths(), pe, pathHops, pathPairs, hp, uw, ua, len,
                roleV, att);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double z = 0;
        double[] p = new double[s.length];
        for (int c = 0; c < s.length; c++) {
            p[c] = Math.exp(s[c] - max);
            z += p[c];
        }
        double pos = 0;
        for (int c = 0; c < s.length; c++) {
            p[c] /= z;
            if (c < ex.positives()) {
                pos += p[c];
            }
        }
        Pass out = new Pass();
        out.loss = -Math.log(Math.max(pos, 1e-30));
        out.aW = new float[d];
        out.gA = new float[allSlots][m.k];
        out.lenCoef = new float[m.hops];
        java.util.Map<Integer, float[]> coef = new java.util.TreeMap<>();
        java.util.Map<Integer, Float> pairCoef = new java.util.TreeMap<>();
        for (int c = 0; c < s.length; c++) {
            double g = p[c] - (c < ex.positives() ? p[c] / Math.max(pos, 1e-30) : 0);
            if (g == 0) {
                continue;
            }
            float gf = (float) g;
            int id = ex.paths()[c];
            axpy(gf, pe[id], out.aW);
            for (int pair : pathPairs[id]) {
                pairCoef.merge(pair, gf, Float::sum);
            }
            int[] hop = pathHops[id];
            int L = hop.length;
            for (int i = 0; i < L; i++) {
                float[][] r = hp[hop[i]];
                int end = m.hops + L - 1 - i;
                axpy(gf, r[i], out.gA[i]);
                axpy(gf, r[end], out.gA[end]);
                float[] cf = coef.computeIfAbsent(hop[i], x -> new float[allSlots]);
                cf[i] += gf;
                cf[end] += gf;
            }
            // role slots: the first hop (next to the topic), the last (next to the answer), the middle ones
            for (int r = 0; r < 2; r++) {
                int h = r == 0 ? hop[0] : hop[L - 1];
                axpy(gf, hp[h][slots + r], out.gA[slots + r]);
                coef.computeIfAbsent(h, x -> new float[allSlots])[slots + r] += gf;
            }
            for (int i = 1; i < L - 1; i++) {
                axpy(gf, hp[hop[i]][slots + 2], out.gA[slots + 2]);
                coef.computeIfAbsent(hop[i], x -> new float[allSlots])[slots + 2] += gf;
            }
            out.lenCoef[L - 1] += gf;
        }
        out.uA = new float[allSlots * m.k];
        for (int sl = 0; sl < allSlots; sl++) {
            System.arraycopy(ua[sl], 0, out.uA, sl * m.k, m.k);
        }
        // back through the attention: dL/dv = C gu; dL/dz_j = a_j (w_j - v) . dL/dv
        out.roleV = roleV;
        out.gAlpha = new float[roles][QuestionWords.BUCKETS];
        for (int r = 0; r < roles; r++) {
            float[] c = m.a[slots + r];
            float[] gu = out.gA[slots + r];
            float[] gv = new float[d];
            for (int i = 0; i < d; i++) {
                float acc = 0f;
                int row = i * m.k;
                for (int j = 0; j < m.k; j++) {
                    acc += c[row + j] * gu[j];
                }
                gv[i] = acc;
            }
            double vg = PlannerWeights.dot(roleV[r], gv);
            for (int j = 0; j < words.length; j++) {
                float dz = (float) (att[r][j] * (PlannerWeights.dot(words[j], gv) - vg));
                for (int b : buckets[j]) {
                    out.gAlpha[r][b] += dz;
                }
            }
        }
        out.pairIds = new int[pairCoef.size()];
        out.pairCoef = new float[pairCoef.size()];
        int pi = 0;
        for (java.util.Map.Entry<Integer, Float> e : pairCoef.entrySet()) {
            out.pairIds[pi] = e.getKey();
            out.pairCoef[pi] = e.getValue();
            pi++;
        }
        out.hopIds = new int[coef.size()];
        out.hopCoef = new float[coef.size()][];
        int i = 0;
        for (java.util.Map.Entry<Integer, float[]> e : coef.entrySet()) {
            out.hopIds[i] = e.getKey();
            out.hopCoef[i] = e.getValue();
            i++;
        }
        return out;
    }

    private static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private void fit(Model m, List<Prepared> train, float[][] q, float[][] pe, float[][] he, int[][] pathHops,
                     ExecutorService pool) {
        int threads = options.threads();
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batches = (order.length + options.batchSize() - 1) / options.batchSize();
        int epochs = Math.max(options.epochs(), (options.minSteps() + batches - 1) / batches);
        long batchesDone = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            SplittableRandom rng = new SplittableRandom(options.seed() + 1_000_003L * (epoch + 1));
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            long t0 = System.nanoTime();
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(order.length, from + options.batchSize());
                int bsz = to - from;
                boolean[] used = new boolean[he.length];
                for (int k = from; k < to; k++) {
                    for (int c : train.get(order[k]).paths()) {
                        for (int h : pathHops[c]) {
                            used[h] = true;
                        }
                    }
                }
                float[][][] hp = hopProjections(m, he, used);
                float[][] qb = q;
                if (options.questionNoise() > 0) {
                    qb = noisy(q, train, order, from, to, epoch);
                }
                final float[][] qq = qb;
                Pass[] passes = new Pass[bsz];
                List<Future<?>> fs = new ArrayList<>();
                int per = (bsz + threads - 1) / threads;
                final int start = from;
                for (int t = 0; t < threads; t++) {
                    int lo = t * per;
                    int hi = Math.min(bsz, lo + per);
                    if (lo >= hi) {
                        break;
                    }
                    fs.add(pool.submit(() -> {
                        for (int k = lo; k < hi; k++) {
                            Prepared ex = train.get(order[start + k]);
                            passes[k] = forward(m, ex, qq, wordsOf(ex.question()), questionBuckets[ex.question()], pe,
                                    pathHops, pathPairs, hp);
                        }
                    }));
                }
                join(fs);
                float[][] qs = new float[bsz][];
                for (int k = 0; k < bsz; k++) {
                    qs[k] = qq[train.get(order[from + k]).question()];
                    lossSum += passes[k].loss;
                }
                update(m, qs, passes, he, pool, threads);
                progress.update("fitting", ++batchesDone, (long) epochs * batches);
            }
            if (epochs <= 20 || epoch == epochs - 1) {
                LOG.info("planner training: epoch {}/{} mean loss {} ({} ms)", epoch + 1, epochs,
                        String.format("%.4f", lossSum / order.length), (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /** A copy of the question rows of one batch with seeded Gaussian noise of the configured norm, re-normalised. */
    private float[][] noisy(float[][] q, List<Prepared> train, int[] order, int from, int to, int epoch) {
        float[][] out = q.clone();
        double sigma = options.questionNoise() / Math.sqrt(q[0].length);
        for (int k = from; k < to; k++) {
            int row = train.get(order[k]).question();
            java.util.Random rng = new java.util.Random(options.seed() * 31 + epoch * 1_000_003L + row);
            float[] v = q[row].clone();
            double norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (rng.nextGaussian() * sigma);
                norm += v[i] * v[i];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
            out[row] = v;
        }
        return out;
    }

    private static void join(List<Future<?>> fs) {
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("planner training interrupted", e);
            } catch (ExecutionException e) {
                throw new ModelException("planner training failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Batch-mean gradients and one Adam step; W's rows are split across threads (sums keep a fixed order). */
    private void update(Model m, float[][] qs, Pass[] passes, float[][] he, ExecutorService pool, int threads) {
        int d = m.d;
        int k = m.k;
        int bsz = qs.length;
        int slots = 2 * m.hops + PlannerWeights.ROLES;
        int hopSlots = 2 * m.hops;
        m.step++;
        double lr = options.learningRate();
        double c1 = 1 - Math.pow(0.9, m.step);
        double c2 = 1 - Math.pow(0.999, m.step);
        float l2 = (float) options.l2();
        float inv = 1f / bsz;
        List<Future<?>> fs = new ArrayList<>();
        int rowsPer = (d + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int lo = t * rowsPer;
            int hi = Math.min(d, lo + rowsPer);
            if (lo >= hi) {
                break;
            }
            fs.add(pool.submit(() -> {
                float[] gW = new float[(hi - lo) * d];
                float[] row = new float[d];
                for (int i = lo; i < hi; i++) {
                    java.util.Arrays.fill(row, 0f);
                    for (int e = 0; e < bsz; e++) {
                        float qi = qs[e][i] * inv;
                        if (qi != 0f) {
                            axpy(qi, passes[e].aW, row);
                        }
                    }
                    System.arraycopy(row, 0, gW, (i - lo) * d, d);
                }
                stepRows(m.adamW, m.w, gW, lo, hi, d, lr, c1, c2, l2, m.scale);
            }));
        }
        join(fs);
        // slots (small): A_s gradient = sum_b q_b (x) gA_b[s]; B_s gradient = sum_h r_h (x) sum_b coef * uA_b[s]
        for (int s = 0; s < slots; s++) {
            float[] gA = new float[d * k];
            for (int e = 0; e < bsz; e++) {
                float[] q = s < hopSlots ? qs[e] : passes[e].roleV[s - hopSlots];
                float[] ga = passes[e].gA[s];
                for (int i = 0; i < d; i++) {
                    float qi = q[i] * inv;
                    int row = i * k;
                    for (int j = 0; j < k; j++) {
                        gA[row + j] += qi * ga[j];
                    }
                }
            }
            java.util.Map<Integer, float[]> perHop = new java.util.TreeMap<>();
            for (int e = 0; e < bsz; e++) {
                Pass p = passes[e];
                for (int x = 0; x < p.hopIds.length; x++) {
                    float c = p.hopCoef[x][s] * inv;
                    if (c == 0f) {
                        continue;
                    }
                    float[] acc = perHop.computeIfAbsent(p.hopIds[x], y -> new float[k]);
                    for (int j = 0; j < k; j++) {
                        acc[j] += c * p.uA[s * k + j];
                    }
                }
            }
            float[] gB = new float[d * k];
            for (java.util.Map.Entry<Integer, float[]> en : perHop.entrySet()) {
                float[] r = he[en.getKey()];
                float[] acc = en.getValue();
                for (int i = 0; i < d; i++) {
                    float ri = r[i];
                    int row = i * k;
                    for (int j = 0; j < k; j++) {
                        gB[row + j] += ri * acc[j];
                    }
                }
            }
            m.adamA[s].step(m.a[s], gA, 0, d * k, lr, c1, c2, l2, 0, 0f);
            m.adamB[s].step(m.b[s], gB, 0, d * k, lr, c1, c2, l2, 0, 0f);
        }
        for (int r = 0; r < PlannerWeights.ROLES; r++) {
            float[] gAl = new float[m.roleAlpha[r].length];
            for (Pass p : passes) {
                axpy(inv, p.gAlpha[r], gAl);
            }
            m.adamAlpha[r].step(m.roleAlpha[r], gAl, 0, gAl.length, lr, c1, c2, 0f, 0, 0f);
        }
        float[] gLB = new float[m.hops];
        for (int h = 0; h < m.hops; h++) {
            float[] gw = new float[d];
            for (int e = 0; e < bsz; e++) {
                float c = passes[e].lenCoef[h] * inv;
                gLB[h] += c;
                if (c != 0f) {
                    axpy(c, qs[e], gw);
                }
            }
            m.adamL[h].step(m.lenW[h], gw, 0, d, lr, c1, c2, l2, 0, 0f);
        }
        m.adamLB.step(m.lenB, gLB, 0, m.hops, lr, c1, c2, 0f, 0, 0f);
        if (m.pairs.length > 0) {
            float[] gP = new float[m.pairs.length];
            for (Pass p : passes) {
                for (int x = 0; x < p.pairIds.length; x++) {
                    gP[p.pairIds[x]] += p.pairCoef[x] * inv;
                }
            }
            m.adamP.step(m.pairs, gP, 0, m.pairs.length, lr * PAIR_LR_FACTOR, c1, c2, l2, 0, 0f);
        }
    }

    /** Adam on rows lo..hi of W, whose gradient rows start at 0 in {@code g}; L2 pulls W towards scale * I. */
    private static void stepRows(Adam adam, float[] w, float[] g, int lo, int hi, int d, double lr, double c1,
                                 double c2, float l2, float scale) {
        for (int i = lo; i < hi; i++) {
            int row = i * d;
            int grow = (i - lo) * d;
            for (int j = 0; j < d; j++) {
                int at = row + j;
                float anchor = i == j ? scale : 0f;
                float gi = g[grow + j] + l2 * (w[at] - anchor);
                float mi = 0.9f * adam.m[at] + 0.1f * gi;
                float vi = 0.999f * adam.v[at] + 0.001f * gi * gi;
                adam.m[at] = mi;
                adam.v[at] = vi;
                w[at] -= (float) (lr * (mi / c1) / (Math.sqrt(vi / c2) + 1e-8));
            }
        }
    }

    /** The softmax temperature minimising -log P(positives) over the calibration examples' candidates. */
    private double fitTemperature(Model m, List<Prepared> calib, float[][] q, float[][] pe, float[][] he,
                                         int[][] pathHops) {
        List<double[]> all = new ArrayList<>(calib.size());
        float[][][] hp = hopProjections(m, he, null);
        float[] uw = new float[m.d];
        float[][] ua = new float[2 * m.hops + PlannerWeights.ROLES][m.k];
        double[] len = new double[m.hops];
        float[][] roleV = new float[PlannerWeights.ROLES][m.d];
        for (Prepared p : calib) {
            float[][] words = wordsOf(p.question());
            all.add(scores(m, q[p.question()], words, questionBuckets[p.question()], p.paths(), pe, pathHops, pathPairs, hp,
                    uw, ua, len, roleV, new double[PlannerWeights.ROLES][words.length]));
        }
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 80; k++) {
            double t = Math.exp(Math.log(0.05) + k * (Math.log(20) - Math.log(0.05)) / 80);
            double nll = 0;
            for (int e = 0; e < all.size(); e++) {
                nll += nll(all.get(e), calib.get(e).positives(), t);
            }
            if (nll < bestNll - 1e-12) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }

    private static double nll(double[] s, int positives, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double z = 0;
        double pos = 0;
        for (int c = 0; c < s.length; c++) {
            double w = Math.exp((s[c] - max) / t);
            z += w;
            if (c < positives) {
                pos += w;
            }
        }
        return -Math.log(Math.max(pos / z, 1e-30));
    }

    /** Metrics of the finished planner (beam search, real constraint) on the validation examples. */
    private PlannerManifest.ValidationMetrics validate(TrainedPlanner planner, List<TrainingExample> examples,
                                                       List<Prepared> val, GraphConstraint constraint) {
        if (val.isEmpty()) {
            return new PlannerManifest.ValidationMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        PathPlanner p = PathPlanner.builder().encoder(encoder).model(planner).beamWidth(options.beamWidth())
                .maxHops(options.maxHops()).build();
        List<PlanningRequest> reqs = new ArrayList<>(val.size());
        for (Prepared v : val) {
            TrainingExample ex = examples.get(v.index());
            reqs.add(new PlanningRequest(ex.question(), ex.topic(), ex.topicMention(), 10, options.maxHops()));
        }
        List<List<Plan>> plans = p.planAll(reqs, constraint);
        int top1 = 0;
        int top3 = 0;
        double probSum = 0;
        double nll = 0;
        for (int i = 0; i < val.size(); i++) {
            Prepared v = val.get(i);
            java.util.Set<RelationPath> gold = positiveSets.get(v.index());
            List<Plan> got = plans.get(i);
            double prob = 0;
            for (int k = 0; k < got.size(); k++) {
                boolean hit = gold.contains(got.get(k).path());
                if (hit) {
                    prob += got.get(k).probability();
                    if (k == 0) {
                        top1++;
                    }
                    if (k < 3) {
                        top3++;
                    }
                }
            }
            probSum += prob;
            nll += -Math.log(Math.max(prob, 1e-9));
        }
        int n = val.size();
        return new PlannerManifest.ValidationMetrics(n, top1 / (double) n, top3 / (double) n, probSum / n, nll / n);
    }

    private final Map<Integer, java.util.Set<RelationPath>> positiveSets = new HashMap<>();

    static String dataSha256(List<TrainingExample> examples) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (TrainingExample ex : examples) {
                md.update(ex.canonical().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String baseSha(String modelId) {
        int at = modelId.indexOf("sha256:");
        return at >= 0 ? modelId.substring(at + "sha256:".length()) : "unknown";
    }
}
