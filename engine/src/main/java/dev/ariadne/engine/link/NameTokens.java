package dev.ariadne.engine.link;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normalised word tokens of a text, each with its character span in the original. A token is a
 * maximal run of letters and digits after lower-casing and removing diacritics, so case, punctuation,
 * underscores and accents never decide whether a question span matches an entity name: {@code
 * "Tigres_UANL"}, {@code "tigres uanl"} and {@code "Tigres-UANL!"} all become {@code tigres uanl}.
 * Names and questions go through this same function, which is what makes the matching symmetric.
 */
record NameTokens(List<String> tokens, int[] starts, int[] ends) {
    static NameTokens of(String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            StringBuilder sb = new StringBuilder();
            while (i < n) {
                cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) {
                    sb.appendCodePoint(cp);
                    i += Character.charCount(cp);
                } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                    i += Character.charCount(cp);
                } else {
                    break;
                }
            }
            tokens.add(fold(sb.toString()));
            starts.add(start);
            ends.add(i);
        }
        int[] s = new int[starts.size()];
        int[] e = new int[ends.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = starts.get(k);
            e[k] = ends.get(k);
        }
        return new NameTokens(List.copyOf(tokens), s, e);
    }

    /** The normalised key of a whole name: its tokens joined by single spaces ("" when it has none). */
    static String key(String name) {
        return String.join(" ", of(name).tokens());
    }

    private static String fold(String token) {
        String decomposed = Normalizer.normalize(token, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    int size() {
        return tokens.size();
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive) joined by spaces. */
    String join(int from, int to) {
        return String.join(" ", tokens.subList(from, to));
    }
}
