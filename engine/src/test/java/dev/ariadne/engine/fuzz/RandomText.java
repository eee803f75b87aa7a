package dev.ariadne.engine.fuzz;

import java.util.Random;

/** Random strings that lean towards what breaks parsers and terminals: controls, quotes, markup, surrogates. */
public final class RandomText {
    private static final String[] NASTY = {"\u0000", "\u001b[31m", "\r", "\n", "\t", "\u007f", "\u0085", "\u2028",
        "\u202e", "\ud800", "\udfff", "\ud83d\ude00", "\"", "'", "`", "\\", "<script>", "</", "&amp;", "-->", "{", "}",
        "[", "]", "|", ",", ";", "$", "MATCH (n) DETACH DELETE n", "\" OR 1=1 //", "*:*", "name:x~", "AND", "(", ")"};

    private RandomText() {
    }

    /** A string of up to {@code maxLength} chars mixing words, nasty fragments and random code points. */
    public static String of(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            switch (r.nextInt(4)) {
                case 0 -> s.append(NASTY[r.nextInt(NASTY.length)]);
                case 1 -> s.append((char) r.nextInt(0x80));
                case 2 -> s.append((char) r.nextInt(0x10000));
                default -> s.append("word").append(r.nextInt(100)).append(' ');
            }
        }
        return s.toString();
    }
}
