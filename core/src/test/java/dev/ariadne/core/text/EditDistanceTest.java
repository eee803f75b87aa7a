package dev.ariadne.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void knownDistances() {
        assertEquals(3, EditDistance.of("kitten", "sitting"));
        assertEquals(0, EditDistance.of("", ""));
        assertEquals(5, EditDistance.of("", "abcde"));
        assertEquals(1, EditDistance.of("directed_by", "directd_by"));
    }

    @Test
    void boundedAgreesWithTheFullDistanceUpToItsBound() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int k = 0; k < 5_000; k++) {
            String a = word(r);
            String b = word(r);
            int full = EditDistance.of(a, b);
            int max = r.nextInt(5);
            int bounded = EditDistance.bounded(a, b, max);
            assertEquals(full <= max ? full : max + 1, bounded, () -> "seed " + seed + ": '" + a + "' '" + b + "' max " + max);
        }
    }

    @Test
    void closestIsCaseInsensitiveClosestFirstTiesByName() {
        java.util.List<String> types = java.util.List.of("written_by", "DIRECTED_BY", "directed_in", "has_genre");
        assertEquals(java.util.List.of("DIRECTED_BY", "directed_in"), EditDistance.closest("directed_bi", types, 2));
        assertEquals(java.util.List.of("has_genre"), EditDistance.closest("has_genres", types, 1));
        assertEquals(4, EditDistance.closest("x", types, 10).size());
    }

    private static String word(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            b.append((char) ('a' + r.nextInt(3)));
        }
        return b.toString();
    }
}
