package dev.ariadne.benchmarks.metrics;

import java.util.Arrays;

/**
 * Distribution of one stage's time over the questions, in milliseconds. Percentiles use the nearest-rank
 * method: p-th percentile = the ceil(p/100 * n)-th smallest value, so p50 of {1..100} is 50 and p99 is 99.
 */
public record LatencySummary(int count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new LatencySummary(sorted.length, ms(sum / sorted.length), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of ascending {@code sorted}. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
