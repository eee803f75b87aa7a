package dev.ariadne.core.answer;

/** Wall-clock time per pipeline stage, in microseconds; {@code total} covers the whole question. */
public record StageTimings(long linkMicros, long planMicros, long retrieveMicros, long reasonMicros, long totalMicros) {
    public static final StageTimings ZERO = new StageTimings(0, 0, 0, 0, 0);

    public StageTimings {
        if (linkMicros < 0 || planMicros < 0 || retrieveMicros < 0 || reasonMicros < 0 || totalMicros < 0) {
            throw new IllegalArgumentException("timings must be >= 0");
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "link %.1f ms, plan %.1f ms, retrieve %.1f ms, reason %.1f ms, total %.1f ms",
                linkMicros / 1000.0, planMicros / 1000.0, retrieveMicros / 1000.0, reasonMicros / 1000.0,
                totalMicros / 1000.0);
    }
}
