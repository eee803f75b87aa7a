package dev.ariadne.models.verbalise;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Each directed relation's text before what it applies to ("the genre of "), built once per relation. */
    private static final Map<DirectedRelation, String> HEADS = new ConcurrentHashMap<>();

    private PathVerbaliser() {
    }

    /** The whole path, nested from the topic outwards; the empty path is the topic itself. */
    public static String verbalise(RelationPath path) {
        StringBuilder sb = new StringBuilder(48 * path.length() + 1);
        for (int i = path.length() - 1; i >= 0; i--) {
            sb.append(head(path.hop(i)));
        }
        return sb.append(TOPIC).toString();
    }

    /** One hop applied to an unnamed thing: "the genre of something" / "things whose starred actors is something". */
    public static String verbaliseHop(DirectedRelation hop) {
        return head(hop) + "something";
    }

    /** "the {words} of " for a forward hop, "things whose {words} is " for a backward one. */
    private static String head(DirectedRelation hop) {
        return HEADS.computeIfAbsent(hop, h -> {
            String words = String.join(" ", stripLeading(stripLeading(words(h.type()), "has"), "is"));
            return h.isInverse() ? "things whose " + words + " is " : "the " + words + " of ";
        });
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
