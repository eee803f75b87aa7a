package dev.ariadne.core.plan;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a proposed relation path against the live graph from its topic and repairs it to the nearest
 * valid path, or drops it (graph-constrained decoding after the fact, as GCR constrains it during). Hop by
 * hop, a proposed relation is kept when the graph has it on the current frontier; otherwise, in order:
 * the same type walked the other way (a wrong direction), else the present relation whose type is most
 * like it (normalised edit similarity at least {@link #MIN_SIMILARITY}, direction kept when possible).
 * A hop with no such relation drops the whole proposal: a shorter prefix would answer another question.
 * Hops past the limit are cut. Every path this returns is non-empty in the graph, by construction.
 */
public final class PlanRepair {
    /** Below this similarity an unknown relation is invented, not misspelt. */
    public static final double MIN_SIMILARITY = 0.75;

    private PlanRepair() {
    }

    /** The outcome for one proposal: the path to run (null when dropped) and the record for the trace. */
    public record Outcome(RelationPath path, PlanProposal proposal) {
    }

    public static Outcome repair(Entity topic, String proposed, int maxHops, GraphConstraint constraint) {
        RelationPath parsed;
        try {
            parsed = RelationPath.parse(proposed);
        } catch (InvalidInputException e) {
            return dropped(proposed, "not a relation path: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            return dropped(proposed, "empty path");
        }
        List<String> notes = new ArrayList<>();
        List<DirectedRelation> hops = parsed.hops();
        if (hops.size() > maxHops) {
            notes.add("cut from " + hops.size() + " to " + maxHops + " hops");
            hops = hops.subList(0, maxHops);
        }
        RelationPath path = RelationPath.EMPTY;
        for (int i = 0; i < hops.size(); i++) {
            DirectedRelation want = hops.get(i);
            List<DirectedRelation> present = constraint.nextRelationTypes(topic, path);
            DirectedRelation got = nearest(want, present);
            if (got == null) {
                return dropped(proposed, "hop " + (i + 1) + ": no relation like " + want.format() + " from "
                        + (path.isEmpty() ? topic.name() : "the entities " + path.format() + " reaches"));
            }
            if (!got.equals(want)) {
                notes.add("hop " + (i + 1) + ": " + got.format() + " for " + want.format()
                        + (got.type().equals(want.type()) ? " (wrong direction)" : " (nearest relation)"));
            }
            path = path.append(got);
        }
        PlanProposal.Action action = notes.isEmpty() ? PlanProposal.Action.VALID : PlanProposal.Action.REPAIRED;
        return new Outcome(path, new PlanProposal(proposed, action, String.join("; ", notes)));
    }

    private static Outcome dropped(String proposed, String why) {
        return new Outcome(null, new PlanProposal(proposed, PlanProposal.Action.DROPPED, why));
    }

    private static DirectedRelation nearest(DirectedRelation want, List<DirectedRelation> present) {
        if (present.contains(want)) {
            return want;
        }
        if (present.contains(want.reverse())) {
            return want.reverse();
        }
        DirectedRelation best = null;
        double bestScore = MIN_SIMILARITY;
        for (DirectedRelation r : present) {
            // ties go to the relation walked in the proposed direction, then to the list's (sorted) order
            double s = similarity(want.type(), r.type()) + (r.direction() == want.direction() ? 1e-6 : 0);
            if (s >= bestScore && (best == null || s > bestScore)) {
                best = r;
                bestScore = s;
            }
        }
        return best;
    }

    /** 1 - edit distance / longer length, over lower-cased types with '.', '_', '-' and spaces ignored. */
    public static double similarity(String a, String b) {
        String x = squash(a);
        String y = squash(b);
        int longer = Math.max(x.length(), y.length());
        if (longer == 0) {
            return 1.0;
        }
        return 1.0 - (double) dev.ariadne.core.text.EditDistance.of(x, y) / longer;
    }

    private static String squash(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && c != '_' && c != '-' && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
