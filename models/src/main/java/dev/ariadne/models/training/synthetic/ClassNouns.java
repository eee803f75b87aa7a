package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The class nouns of a graph's labels, as users write them in questions ("which movies", "the people"):
 * each mapped label in the plural, words split at case changes and underscores ({@code ImportLog} ->
 * "import logs"). The grammar writes them where it writes a placeholder noun, so the planner learns from the
 * graph's own vocabulary that a class noun adds no hop. Ariadne's own layout has one label that names no
 * class, so it gives none.
 */
public final class ClassNouns {
    private ClassNouns() {
    }

    public static List<String> of(GraphMapping mapping) {
        if (mapping.isAriadneLayout()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (EntityLabel l : mapping.labels()) {
            String words = words(l.label());
            if (!words.isEmpty()) {
                out.add(plural(words));
            }
        }
        return List.copyOf(out);
    }

    /** "ImportLog" -> "import log", "MOVIE_GENRE" -> "movie genre". */
    static String words(String label) {
        List<String> words = new ArrayList<>();
        for (String part : label.split("[^\\p{L}\\p{N}]+")) {
            for (String w : part.split("(?<=\\p{Ll})(?=\\p{Lu})")) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return String.join(" ", words);
    }

    /** The plural of a noun phrase's last word, by the common English rules. */
    static String plural(String phrase) {
        int space = phrase.lastIndexOf(' ');
        String head = phrase.substring(0, space + 1);
        String w = phrase.substring(space + 1);
        String p;
        if (w.equals("person")) {
            p = "people";
        } else if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            p = w.substring(0, w.length() - 1) + "ies";
        } else if (w.endsWith("s") && !w.endsWith("ss")) {
            p = w;      // "series", "news", or a label already plural
        } else if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh") || w.endsWith("z")) {
            p = w + "es";
        } else {
            p = w + "s";
        }
        return head + p;
    }
}
