package dev.ariadne.core.graph;

import dev.ariadne.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of directed relations to follow from a topic entity, the unit a planner emits.
 * Text form: {@code ~starred_actors,directed_by}; {@link #parse} also takes RoG's arrow form
 * {@code ~starred_actors -> directed_by}. The empty path (length 0) is legal and formats as "".
 *
 * <p>Immutable, equal by its hops. Not a record only so that its text form and hash, which planners and
 * caches ask for many times per question, are computed once.
 */
public final class RelationPath {
    public static final RelationPath EMPTY = new RelationPath(List.of());

    private final List<DirectedRelation> hops;
    private String text;        // format(), computed on first use (a benign race: the same string)
    private int hash;           // hashCode(), 0 until computed

    public RelationPath(List<DirectedRelation> hops) {
        this.hops = List.copyOf(hops);
    }

    /** The hops, first to last (unmodifiable). */
    public List<DirectedRelation> hops() {
        return hops;
    }

    public static RelationPath of(DirectedRelation... hops) {
        return new RelationPath(List.of(hops));
    }

    /**
     * Parses {@code r1,~r2,r3} or {@code r1 -> ~r2 -> r3}. Blank text is the empty path. A bad hop is
     * reported with its 1-based position.
     */
    public static RelationPath parse(String text) {
        if (text == null) {
            throw new InvalidInputException("invalid relation path: null");
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return EMPTY;
        }
        boolean arrows = t.contains("->");
        boolean commas = t.indexOf(',') >= 0;
        if (arrows && commas) {
            throw new InvalidInputException("invalid relation path '" + text
                    + "': mixes ',' and '->' separators (use one: 'r1,~r2' or 'r1 -> ~r2')");
        }
        String[] parts = arrows ? t.split("->", -1) : t.split(",", -1);
        List<DirectedRelation> hops = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new InvalidInputException("invalid relation path '" + text + "': hop " + (i + 1)
                        + " of " + parts.length + " is empty (expected 'type' or '~type')");
            }
            try {
                hops.add(DirectedRelation.parse(parts[i]));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("invalid relation path '" + text + "': hop " + (i + 1) + ": "
                        + e.getMessage(), e);
            }
        }
        return new RelationPath(hops);
    }

    public int length() {
        return hops.size();
    }

    public boolean isEmpty() {
        return hops.isEmpty();
    }

    public DirectedRelation hop(int index) {
        return hops.get(index);
    }

    public DirectedRelation last() {
        if (hops.isEmpty()) {
            throw new IllegalStateException("the empty path has no last hop");
        }
        return hops.get(hops.size() - 1);
    }

    /** The first {@code n} hops. */
    public RelationPath prefix(int n) {
        return new RelationPath(hops.subList(0, n));
    }

    public RelationPath append(DirectedRelation next) {
        List<DirectedRelation> longer = new ArrayList<>(hops.size() + 1);
        longer.addAll(hops);
        longer.add(next);
        return new RelationPath(longer);
    }

    /** The same walk read from its end back to its start. */
    public RelationPath reverse() {
        List<DirectedRelation> reversed = new ArrayList<>(hops.size());
        for (int i = hops.size() - 1; i >= 0; i--) {
            reversed.add(hops.get(i).reverse());
        }
        return new RelationPath(reversed);
    }

    /** The canonical text form {@code r1,~r2}. */
    public String format() {
        String t = text;
        if (t == null) {
            t = join(",");
            text = t;
        }
        return t;
    }

    /** RoG's arrow form {@code r1 -> ~r2}. */
    public String formatArrows() {
        return join(" -> ");
    }

    private String join(String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hops.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(hops.get(i).format());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof RelationPath other && hops.equals(other.hops));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hops.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return format();
    }
}
