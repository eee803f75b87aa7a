package dev.ariadne.core.text;

/**
 * Text made safe for a terminal: graph data and input files are untrusted, and a raw ESC, BEL or bidi
 * override in an entity name would let a knowledge-base file drive the user's terminal or hide text.
 * Used at render time for every line the CLI prints; JSON and HTML have their own escaping.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * {@code s} with every C0 control (tab, newline and carriage return included: a value is printed on one
     * line), DEL, C1 control (U+0080-U+009F) and bidi embedding, override or isolate (U+202A-U+202E,
     * U+2066-U+2069) written as {@code \}{@code uXXXX}; everything else, accents and CJK included, unchanged.
     */
    public static String escape(CharSequence s) {
        if (s == null) {
            return "null";
        }
        int n = s.length();
        int i = 0;
        while (i < n && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s.toString();
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * {@code s} cut to its first {@code max} characters with how long it was, for messages that quote user
     * input: a 9,000-character question is one line, but not a readable one. Not escaped: messages keep the
     * raw text and are escaped where they are printed.
     */
    public static String excerpt(CharSequence s, int max) {
        if (s == null) {
            return "null";
        }
        if (s.length() <= max) {
            return s.toString();
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.subSequence(0, cut) + "... (" + s.length() + " characters)";
    }

    /** True when {@code s} holds a character {@link #escape} would rewrite. */
    public static boolean hasUnsafe(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
