package dev.ariadne.benchmarks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicSplitTest {
    private static KgqaExample example(int i, String key) {
        return new KgqaExample("e" + i, "q" + i, List.of("t"), List.of("a"), List.of(), 1, "",
                new SourceLine(Path.of("f"), i + 1), key);
    }

    @Test
    void bucketIsAFixedFunctionOfTheKey() {
        // SHA-256("abc") starts ba7816bf8f01cfea; that unsigned 64-bit number mod 100 is 74.
        assertEquals(74, DeterministicSplit.bucket("abc"));
        assertEquals(DeterministicSplit.bucket("line one"), DeterministicSplit.bucket("line one"));
    }

    @Test
    void splitsRoughlyEightyTwentyAndKeepsEqualKeysTogether() {
        List<KgqaExample> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            all.add(example(i, "path-" + (i / 2)));
        }
        List<KgqaExample> train = DeterministicSplit.train(all);
        List<KgqaExample> holdout = DeterministicSplit.holdout(all);
        assertEquals(all.size(), train.size() + holdout.size());
        double share = train.size() / (double) all.size();
        assertTrue(share > 0.77 && share < 0.83, "train share " + share);
        for (int i = 0; i < all.size(); i += 2) {
            assertEquals(DeterministicSplit.isTrain(all.get(i)), DeterministicSplit.isTrain(all.get(i + 1)));
        }
    }

    @Test
    void splitNames() {
        assertEquals("dev", SplitName.of("dev-train").fileSplit());
        assertEquals("dev", SplitName.of("dev-holdout").fileSplit());
        assertEquals("test", SplitName.of("test").fileSplit());
        assertThrows(InvalidInputException.class, () -> SplitName.of("../etc"));
        assertThrows(InvalidInputException.class, () -> SplitName.of(""));
    }
}
