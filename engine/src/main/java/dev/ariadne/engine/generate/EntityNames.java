package dev.ariadne.engine.generate;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised form the grounding check compares names in: lower case, accents removed, every run of
 * characters other than letters and digits one space. The same rule as entity linking's (docs/engine.md);
 * kept here rather than shared so the grounding rule stays stable when linking's tokeniser is tuned.
 */
final class EntityNames {
    private EntityNames() {
    }

    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
