package dev.ariadne.models.verbalise;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns relation paths into English-like text a sentence encoder understands, from relation names only
 * (nothing graph-specific is hard-coded). Relation names are split into words ({@code snake_case},
 * {@code camelCase}, dots, Freebase {@code __music__album__artist} prefixes, digits); a forward hop
 * reads "the {words} of {inner}", a backward hop "things whose {words} is {inner}", and hops nest from
 * the topic outwards, so {@code ~starred_actors,directed_by} becomes
 * "the directed by of things whose starred actors is X", the shape "the director of movies starring X"
 * that beat type-chain wording in our probe.
 *
 * <p>A leading "has" or "is" is dropped ("has_genre" reads "the genre of X", "~has_genre" reads
 * "things whose genre is X"). Changing any output changes {@link #VERSION}, which trained
 * planner files record: a planner trained on one wording must not be used with another.
 */
public final class PathVerbaliser {
    /** Bumped whenever any verbalisation changes. */
    public static final int VERSION = 1;
    /** Stands for the topic entity in verbalised paths, as in masked questions. */
    public static final String TOPIC = "X";

    private PathVerbaliser() {
    }

    /** The whole path, nested from the topic outwards; the empty path is the topic itself. */
    public static String verbalise(RelationPath path) {
        String inner = TOPIC;
        for (DirectedRelation hop : path.hops()) {
            inner = wrap(hop, inner);
        }
        return inner;
    }

    /** One hop applied to an unnamed thing: "the genre of something" / "things whose starred actors is something". */
    public static String verbaliseHop(DirectedRelation hop) {
        return wrap(hop, "something");
    }

    private static String wrap(DirectedRelation hop, String inner) {
        List<String> words = words(hop.type());
        if (hop.isInverse()) {
            return "things whose " + String.join(" ", stripLeading(stripLeading(words, "has"), "is")) + " is " + inner;
        }
        return "the " + String.join(" ", stripLeading(stripLeading(words, "has"), "is")) + " of " + inner;
    }

    private static List<String> stripLeading(List<String> words, String lead) {
        return words.size() > 1 && words.get(0).equals(lead) ? words.subList(1, words.size()) : words;
    }

    /**
     * The lower-case words of a relation type: separators are {@code _ . / : -} and whitespace, camelCase
     * and letter/digit boundaries split, repeated words collapse (Freebase's
     * {@code film.film.directed_by} reads "film directed by").
     */
    public static List<String> words(String type) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '_' || c == '.' || c == '/' || c == ':' || c == '-' || c == '#' || Character.isWhitespace(c)) {
                flush(cur, out);
                continue;
            }
            if (cur.length() > 0) {
                char p = cur.charAt(cur.length() - 1);
                boolean lowerToUpper = Character.isLowerCase(p) && Character.isUpperCase(c);
                boolean acronymEnd = Character.isUpperCase(p) && Character.isUpperCase(c) && i + 1 < type.length()
                        && Character.isLowerCase(type.charAt(i + 1));
                boolean digitEdge = Character.isDigit(p) != Character.isDigit(c);
                if (lowerToUpper || acronymEnd || digitEdge) {
                    flush(cur, out);
                }
            }
            cur.append(c);
        }
        flush(cur, out);
        // collapse immediate and Freebase-style type repeats: "film film directed by" -> "film directed by"
        List<String> dedup = new ArrayList<>(out.size());
        for (String w : out) {
            if (dedup.isEmpty() || !dedup.get(dedup.size() - 1).equals(w)) {
                dedup.add(w);
            }
        }
        if (dedup.isEmpty()) {
            dedup.add(type.toLowerCase(Locale.ROOT));
        }
        return dedup;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }
}
