package dev.ariadne.benchmarks.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The train / holdout split used where a dataset has no official one: an example goes to train when
 * the SHA-256 of its {@link KgqaExample#splitKey() split key}, read as an unsigned number, falls in the
 * first {@value #TRAIN_PERCENT}% of buckets. It depends on nothing but the key (not on the seed, the
 * file order or the JVM), so every run and every machine sees the same split, and examples sharing a
 * key (IRN paraphrases of one gold path) always land on the same side.
 */
public final class DeterministicSplit {
    public static final int TRAIN_PERCENT = 80;

    private DeterministicSplit() {
    }

    /** True when the example belongs to the training side. */
    public static boolean isTrain(KgqaExample e) {
        return bucket(e.splitKey()) < TRAIN_PERCENT;
    }

    /** A number in [0,100) fixed by the key. */
    public static int bucket(String key) {
        byte[] d = sha256(key.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, 100);
    }

    public static List<KgqaExample> train(List<KgqaExample> all) {
        return all.stream().filter(DeterministicSplit::isTrain).toList();
    }

    public static List<KgqaExample> holdout(List<KgqaExample> all) {
        return all.stream().filter(e -> !isTrain(e)).toList();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
