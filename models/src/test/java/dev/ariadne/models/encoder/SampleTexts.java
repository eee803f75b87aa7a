package dev.ariadne.models.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-written question-like texts of very different lengths, for batching and ordering tests. */
final class SampleTexts {
    static final List<String> MIXED = List.of(
            "who directed X",
            "",
            "what films did the director of X also direct",
            "which languages are the movies starring X in",
            "X",
            "the screenwriter of the movies directed by the person who directed X, and the years those movies "
                    + "were released, listed with their genres and the actors who starred in them",
            "when was X released",
            "who starred in films written by the writer of X",
            "genre of X",
            "what are the tags of the movies that share actors with X");

    private SampleTexts() {
    }

    /** {@code count} texts of 1 to 60 words from a small vocabulary; deterministic for a seed. */
    static List<String> random(long seed, int count) {
        String[] words = {"who", "directed", "the", "movie", "starring", "X", "what", "genre", "films", "written",
                "by", "actor", "year", "released", "language", "of", "and", "which", "share", "director"};
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = 1 + random.nextInt(60);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < n; w++) {
                sb.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            texts.add(sb.toString());
        }
        return texts;
    }
}
