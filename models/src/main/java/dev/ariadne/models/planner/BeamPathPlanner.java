package dev.ariadne.models.planner;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.verbalise.PathVerbaliser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Beam search over hops, growing paths only along relations the constraint reports. */
final class BeamPathPlanner implements PathPlanner {
    private final TextEncoder encoder;
    private final TrainedPlanner model;
    private final PlannerWeights trained;
    private final PlannerWeights zeroShot;
    private final Set<String> vocabulary;
    private final Set<String> questionVocabulary;
    private final int beamWidth;
    private final int maxHops;
    private final double trainedTemperature;
    private final double zeroShotTemperature;
    private final EmbeddingCache cache;

    BeamPathPlanner(PathPlanner.Builder b) {
        this.encoder = b.encoder;
        this.model = b.model;
        this.trained = model == null ? null : model.weights();
        this.vocabulary = model == null ? Set.of() : new HashSet<>(model.manifest().relationVocabulary());
        this.questionVocabulary = model == null ? Set.of() : new HashSet<>(model.manifest().questionVocabulary());
        this.maxHops = model == null ? b.maxHops : Math.min(b.maxHops, model.manifest().maxHops());
        this.zeroShot = PlannerWeights.identity(encoder.dimension(), Math.max(maxHops, 1), 1, 1f);
        this.beamWidth = b.beamWidth;
        this.trainedTemperature = model == null ? 1.0 : model.manifest().temperature();
        this.zeroShotTemperature = b.zeroShotTemperature;
        this.cache = new EmbeddingCache(encoder, b.pathCacheSize);
    }

    @Override
    public boolean isZeroShot() {
        return model == null;
    }

    @Override
    public Optional<PlannerManifest> manifest() {
        return model == null ? Optional.empty() : Optional.of(model.manifest());
    }

    @Override
    public List<Plan> plan(PlanningRequest request, GraphConstraint constraint) {
        return plan(request, constraint, encoder.encode(request.maskedQuestion()));
    }

    @Override
    public List<List<Plan>> planAll(List<PlanningRequest> requests, GraphConstraint constraint) {
        List<String> texts = new ArrayList<>(requests.size());
        for (PlanningRequest r : requests) {
            texts.add(r.maskedQuestion());
        }
        float[][] q = requests.isEmpty() ? new float[0][] : encoder.encodeAll(texts);
        List<List<Plan>> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            out.add(plan(requests.get(i), constraint, q[i]));
        }
        return out;
    }

    /** A candidate path with its embeddings and scores. */
    private record Scored(RelationPath path, double full, double prefix) {
    }

    List<Plan> plan(PlanningRequest request, GraphConstraint constraint, float[] question) {
        boolean useTrained = trained != null;
        PlannerWeights.Projection proj;
        if (useTrained && trained.hasRoles()) {
            // the role attention reads the question's words, each embedded on its own (cached: few distinct words)
            QuestionWords words = QuestionWords.of(request.maskedQuestion());
            proj = trained.project(question, cache.get(words.words()), words.buckets());
        } else {
            proj = (useTrained ? trained : zeroShot).project(question);
        }
        int hops = Math.min(request.maxHops(), maxHops);
        List<Scored> pool = new ArrayList<>();
        List<RelationPath> beam = List.of(RelationPath.EMPTY);
        for (int h = 1; h <= hops && !beam.isEmpty(); h++) {
            List<RelationPath> candidates = new ArrayList<>();
            for (RelationPath prefix : beam) {
                for (DirectedRelation r : constraint.nextRelationTypes(request.topic(), prefix)) {
                    candidates.add(prefix.append(r));
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            List<Scored> scored = score(useTrained ? trained : zeroShot, proj, candidates);
            pool.addAll(scored);
            if (h < hops) {
                List<Scored> byPrefix = new ArrayList<>(scored);
                byPrefix.sort(Comparator.comparingDouble(Scored::prefix).reversed()
                        .thenComparing(s -> s.path().format()));
                List<RelationPath> next = new ArrayList<>(Math.min(beamWidth, byPrefix.size()));
                for (int i = 0; i < byPrefix.size() && i < beamWidth; i++) {
                    next.add(byPrefix.get(i).path());
                }
                beam = next;
            }
        }
        return toPlans(request, pool, useTrained ? trainedTemperature : zeroShotTemperature, readability(request));
    }

    /**
     * The share of the question's words (the topic masked) that occur in the training questions, doubled and
     * capped at 1: a question half of whose words training met reads fully (paraphrases keep most function and
     * relation words), one with none of them (another language, noise) reads not at all, whatever its softmax
     * says. A question with no word besides the topic asks nothing the planner can read either.
     */
    @Override
    public double readability(PlanningRequest request) {
        if (questionVocabulary.isEmpty()) {
            return 1.0;
        }
        List<String> words = QuestionWords.of(request.maskedQuestion()).words();
        if (words.isEmpty()) {
            return 0.0;
        }
        int known = 0;
        for (String w : words) {
            if (questionVocabulary.contains(w)) {
                known++;
            }
        }
        return Math.min(1.0, 2.0 * known / words.size());
    }

    /** The relation types on {@code path} that training never met (none for a zero-shot planner). */
    private Set<String> untrained(RelationPath path) {
        if (model == null) {
            return Set.of();
        }
        Set<String> out = null;
        for (DirectedRelation r : path.hops()) {
            if (!vocabulary.contains(r.type())) {
                if (out == null) {
                    out = new java.util.TreeSet<>();
                }
                out.add(r.type());
            }
        }
        return out == null ? Set.of() : out;
    }

    /** Hop-side slot vectors per hop text, for the weights in use (trained or zero-shot). */
    private float[][] hopProjection(PlannerWeights weights, String text, float[] embedding) {
        java.util.Map<String, float[][]> m = weights == trained ? trainedHops : zeroShotHops;
        synchronized (m) {
            float[][] v = m.get(text);
            if (v == null) {
                v = weights.projectHop(embedding);
                if (m.size() > 100_000) {
                    m.clear();
                }
                m.put(text, v);
            }
            return v;
        }
    }

    private final java.util.Map<String, float[][]> trainedHops = new java.util.HashMap<>();
    private final java.util.Map<String, float[][]> zeroShotHops = new java.util.HashMap<>();

    private List<Scored> score(PlannerWeights weights, PlannerWeights.Projection proj, List<RelationPath> candidates) {
        List<String> texts = new ArrayList<>(candidates.size() * 2);
        for (RelationPath p : candidates) {
            texts.add(PathVerbaliser.verbalise(p));
        }
        float[][] pathEmb = cache.get(texts);
        List<String> hopTexts = new ArrayList<>();
        for (RelationPath p : candidates) {
            for (DirectedRelation r : p.hops()) {
                hopTexts.add(PathVerbaliser.verbaliseHop(r));
            }
        }
        float[][] hopEmb = cache.get(hopTexts);
        List<Scored> out = new ArrayList<>(candidates.size());
        int k = 0;
        for (int i = 0; i < candidates.size(); i++) {
            RelationPath p = candidates.get(i);
            float[][][] hops = new float[p.length()][][];
            for (int j = 0; j < p.length(); j++) {
                hops[j] = hopProjection(weights, hopTexts.get(k), hopEmb[k]);
                k++;
            }
            float prior = weights.pairPrior(p);
            out.add(new Scored(p, proj.score(pathEmb[i], hops, prior), proj.prefixScore(pathEmb[i], hops, prior)));
        }
        return out;
    }

    private List<Plan> toPlans(PlanningRequest request, List<Scored> pool, double temperature, double readability) {
        if (pool.isEmpty()) {
            return List.of();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (Scored s : pool) {
            max = Math.max(max, s.full());
        }
        double[] w = new double[pool.size()];
        double z = 0;
        for (int i = 0; i < pool.size(); i++) {
            w[i] = Math.exp((pool.get(i).full() - max) / temperature);
            z += w[i];
        }
        List<Integer> order = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -pool.get(i).full())
                .thenComparing(i -> pool.get(i).path().format()));
        List<Plan> plans = new ArrayList<>(Math.min(request.topK(), pool.size()));
        for (int i = 0; i < order.size() && plans.size() < request.topK(); i++) {
            int at = order.get(i);
            RelationPath path = pool.get(at).path();
            plans.add(new Plan(request.topic(), path, Math.min(1.0, readability * w[at] / z), untrained(path)));
        }
        return plans;
    }
}
