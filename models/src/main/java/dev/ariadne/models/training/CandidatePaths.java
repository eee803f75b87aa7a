package dev.ariadne.models.training;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.Retriever;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Finds what a question is trained against: its positive paths (gold, or weak supervision from the gold
 * answers) and its candidate paths, positives first, then hard negatives (gold prefixes = one hop less,
 * gold extensions = one hop more, siblings at every hop, order swaps), then other paths reachable from
 * the topic, all non-empty in the graph because they grow along the constraint.
 */
final class CandidatePaths {
    private static final int CACHE_LIMIT = 400_000;

    private final GraphConstraint constraint;
    private final Retriever retriever;
    private final TrainingOptions options;
    private final Map<String, List<DirectedRelation>> next = new HashMap<>();
    private final Map<String, Long> frontier = new HashMap<>();
    /** Prefixes reaching more entities than this are expanded only when they are gold prefixes. */
    static final long EXPLORE_MAX_FRONTIER = 1_000;
    private int depth;

    CandidatePaths(GraphConstraint constraint, Retriever retriever, TrainingOptions options) {
        this.constraint = constraint;
        this.retriever = retriever;
        this.options = options;
        this.depth = options.maxHops();
    }

    /** Longest candidate path (defaults to maxHops). */
    void depth(int hops) {
        this.depth = Math.min(hops, options.maxHops());
    }

    List<DirectedRelation> next(Entity topic, RelationPath prefix) {
        String key = topic.key() + '\u0000' + prefix.format();
        List<DirectedRelation> r = next.get(key);
        if (r == null) {
            if (next.size() > CACHE_LIMIT) {
                next.clear();
                frontier.clear();
            }
            List<RelationFrontier> f = constraint.nextRelations(topic, prefix);
            r = new ArrayList<>(f.size());
            for (RelationFrontier x : f) {
                r.add(x.relation());
                frontier.put(topic.key() + '\u0000' + prefix.append(x.relation()).format(), x.frontierSize());
            }
            next.put(key, r);
        }
        return r;
    }

    boolean valid(Entity topic, RelationPath path) {
        for (int i = 0; i < path.length(); i++) {
            if (!next(topic, path.prefix(i)).contains(path.hop(i))) {
                return false;
            }
        }
        return true;
    }

    /** Positive paths: the gold path when given (if it exists in the graph), else weak supervision. */
    List<RelationPath> positives(TrainingExample ex) {
        if (ex.goldPath() != null) {
            return valid(ex.topic(), ex.goldPath()) ? List.of(ex.goldPath()) : List.of();
        }
        // RoG's weak supervision: paths from the topic whose ends best match the gold answers (answer F1),
        // then the shortest; every path tied on both is a positive.
        List<RelationPath> all = explore(ex.topic(), Set.of(), Integer.MAX_VALUE, null);
        RetrievalLimits limits = new RetrievalLimits(options.weakSupervisionMaxPaths(), 100_000, Duration.ofSeconds(30), false);
        double bestF1 = 0;
        int bestLen = Integer.MAX_VALUE;
        List<RelationPath> best = new ArrayList<>();
        for (RelationPath p : all) {
            Set<String> ends = new java.util.HashSet<>();
            for (ReasoningPath rp : retriever.retrieve(ex.topic(), p, limits).paths()) {
                ends.add(rp.end().key());
            }
            double f1 = f1(ends, ex.answers());
            if (f1 <= 0) {
                continue;
            }
            int cmp = f1 > bestF1 + 1e-12 ? 1 : f1 < bestF1 - 1e-12 ? -1 : Integer.compare(bestLen, p.length());
            if (cmp > 0) {
                best.clear();
                bestF1 = f1;
                bestLen = p.length();
            }
            if (cmp >= 0) {
                best.add(p);
            }
        }
        return best;
    }

    static double f1(Set<String> predicted, Set<String> gold) {
        if (predicted.isEmpty() || gold.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (String p : predicted) {
            if (gold.contains(p)) {
                hit++;
            }
        }
        if (hit == 0) {
            return 0;
        }
        double precision = hit / (double) predicted.size();
        double recall = hit / (double) gold.size();
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * Paths of 1..maxHops hops from the topic: every relation from each kept prefix; per hop the kept
     * prefixes are the ones in {@code mustKeep} plus up to {@code width} others drawn with {@code rng}.
     */
    List<RelationPath> explore(Entity topic, Set<RelationPath> mustKeep, int width, SplittableRandom rng) {
        List<RelationPath> all = new ArrayList<>();
        List<RelationPath> level = List.of(RelationPath.EMPTY);
        for (int h = 1; h <= depth; h++) {
            List<RelationPath> children = new ArrayList<>();
            for (RelationPath prefix : level) {
                for (DirectedRelation r : next(topic, prefix)) {
                    children.add(prefix.append(r));
                }
            }
            all.addAll(children);
            if (h == depth || children.isEmpty()) {
                break;
            }
            List<RelationPath> keep = new ArrayList<>();
            List<RelationPath> others = new ArrayList<>();
            for (RelationPath c : children) {
                if (mustKeep.contains(c)) {
                    keep.add(c);
                } else if (frontier.getOrDefault(topic.key() + '\u0000' + c.format(), 0L) <= EXPLORE_MAX_FRONTIER
                        || width == Integer.MAX_VALUE) {
                    others.add(c);
                }
            }
            if (others.size() > width) {
                shuffle(others, rng);
                others = others.subList(0, width);
            }
            keep.addAll(others);
            level = keep;
        }
        return all;
    }

    /** Positives first, then hard negatives, then the rest, capped at maxCandidates. */
    List<RelationPath> candidates(Entity topic, List<RelationPath> positives, SplittableRandom rng) {
        Set<RelationPath> prefixes = new java.util.HashSet<>();
        for (RelationPath p : positives) {
            for (int i = 1; i <= p.length(); i++) {
                prefixes.add(p.prefix(i));
            }
        }
        List<RelationPath> explored = explore(topic, prefixes, options.exploreWidth(), rng);
        LinkedHashSet<RelationPath> out = new LinkedHashSet<>(positives);
        List<RelationPath> hard = new ArrayList<>();
        List<RelationPath> rest = new ArrayList<>();
        for (RelationPath c : explored) {
            if (out.contains(c)) {
                continue;
            }
            // one hop less / one hop more / sibling at some hop: the path minus its last hop is a gold prefix
            boolean isHard = prefixes.contains(c) || c.length() == 1 || prefixes.contains(c.prefix(c.length() - 1));
            (isHard ? hard : rest).add(c);
        }
        for (RelationPath p : positives) {
            for (RelationPath swap : swaps(p)) {
                if (!out.contains(swap) && swap.length() <= depth && valid(topic, swap)) {
                    hard.add(0, swap);
                }
            }
        }
        out.addAll(hard);
        if (out.size() < options.maxCandidates()) {
            shuffle(rest, rng);
            for (RelationPath r : rest) {
                if (out.size() >= options.maxCandidates()) {
                    break;
                }
                out.add(r);
            }
        }
        List<RelationPath> list = new ArrayList<>(out);
        return list.size() > options.maxCandidates() ? list.subList(0, options.maxCandidates()) : list;
    }

    /** Other orders of the same hops (each distinct permutation but the path itself). */
    static List<RelationPath> swaps(RelationPath p) {
        if (p.length() < 2 || p.length() > 4) {
            return List.of();
        }
        LinkedHashSet<RelationPath> out = new LinkedHashSet<>();
        permute(new ArrayList<>(p.hops()), 0, out);
        out.remove(p);
        return new ArrayList<>(out);
    }

    private static void permute(List<DirectedRelation> hops, int k, Set<RelationPath> out) {
        if (k == hops.size()) {
            out.add(new RelationPath(hops));
            return;
        }
        for (int i = k; i < hops.size(); i++) {
            java.util.Collections.swap(hops, k, i);
            permute(hops, k + 1, out);
            java.util.Collections.swap(hops, k, i);
        }
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        if (rng == null) {
            return;
        }
        for (int i = list.size() - 1; i > 0; i--) {
            java.util.Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }
}
