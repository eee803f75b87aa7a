package dev.ariadne.cypher.link;

import java.util.ArrayList;
import java.util.List;

/** Builds full-text (Lucene syntax) queries from user text with every special character escaped. */
final class LuceneQueries {
    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private LuceneQueries() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The words of {@code text}: runs of letters and digits. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** The whole text as a phrase: candidates for an exact or case-insensitive name match. */
    static String phrase(String text) {
        return '"' + escape(text) + '"';
    }

    /**
     * A ranked query: the phrase boosted, each word, and each word of five letters or more with one edit
     * allowed. Null when the text has no words.
     */
    static String fuzzy(String text) {
        // Lower case: the analyzer lowercases anyway, and upper-case AND/OR/NOT would be operators.
        List<String> words = words(text.toLowerCase(java.util.Locale.ROOT));
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(phrase(String.join(" ", words))).append("^4");
        for (String w : words) {
            sb.append(' ').append(escape(w));
            if (w.length() >= 5) {
                sb.append(' ').append(escape(w)).append("~1");
            }
        }
        return sb.toString();
    }
}
