package dev.ariadne.engine.fuzz;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Runs one seeded fuzz target for a time budget: {@code -Dfuzz.seconds=N} per target (default
 * {@value #DEFAULT_SECONDS}), {@code -Dfuzz.seed=N} replays one failing case alone. Every case has its own
 * seed, printed with the input it generated when the case fails (Lucene style).
 */
public final class FuzzLoop {
    public static final String SECONDS_PROPERTY = "fuzz.seconds";
    public static final String SEED_PROPERTY = "fuzz.seed";
    /** Small, so that all targets together stay well under a minute in {@code mvn verify}. */
    public static final double DEFAULT_SECONDS = 3;

    /** One case: generate an input from {@code random}, describe it in {@code input}, check the invariants. */
    @FunctionalInterface
    public interface Case {
        void run(Random random, StringBuilder input) throws Exception;
    }

    private FuzzLoop() {
    }

    /** Runs {@code target}'s cases until its budget is spent (at least once); returns how many ran. */
    public static int run(String target, Case c) {
        String replay = System.getProperty(SEED_PROPERTY);
        if (replay != null && !replay.isBlank()) {
            runOne(target, c, Long.parseLong(replay.trim()));
            return 1;
        }
        double seconds = Double.parseDouble(System.getProperty(SECONDS_PROPERTY, String.valueOf(DEFAULT_SECONDS)));
        long master = new SplittableRandom().nextLong();
        SplittableRandom seeds = new SplittableRandom(master);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int cases = 0;
        do {
            runOne(target, c, seeds.nextLong());
            cases++;
        } while (System.nanoTime() < end);
        System.out.printf("fuzz %s: %d cases in %.1f s (master seed %d)%n", target, cases, seconds, master);
        return cases;
    }

    private static void runOne(String target, Case c, long seed) {
        StringBuilder input = new StringBuilder();
        try {
            c.run(new Random(seed), input);
        } catch (Throwable t) {
            throw new AssertionError("fuzz target " + target + " failed; replay with -D" + SEED_PROPERTY + "=" + seed
                    + "\ninput: " + printable(input) + "\nfailure: " + printable(String.valueOf(t)), t);
        }
    }

    /** The input with control characters shown as escapes, so the report itself is safe to print. */
    static String printable(CharSequence s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(4_000).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.length() > 4_000 ? out + "... (" + s.length() + " chars)" : out.toString();
    }
}
