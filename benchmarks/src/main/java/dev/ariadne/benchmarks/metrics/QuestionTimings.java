package dev.ariadne.benchmarks.metrics;

/** Wall time one question spent in each stage and end to end, in nanoseconds. */
public record QuestionTimings(long linkingNanos, long planningNanos, long retrievalNanos, long reasoningNanos,
                           long totalNanos) {
    public static final QuestionTimings NONE = new QuestionTimings(0, 0, 0, 0, 0);

    public long of(Stage stage) {
        return switch (stage) {
            case LINKING -> linkingNanos;
            case PLANNING -> planningNanos;
            case RETRIEVAL -> retrievalNanos;
            case REASONING -> reasoningNanos;
            case END_TO_END -> totalNanos;
        };
    }
}
