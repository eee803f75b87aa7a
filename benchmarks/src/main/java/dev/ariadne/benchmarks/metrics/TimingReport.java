package dev.ariadne.benchmarks.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Time figures of an evaluation: per-stage latency distributions over the questions that did not fail,
 * and throughput = questions / wall time with {@code threads} threads answering at once.
 */
public record TimingReport(Map<Stage, LatencySummary> latency, int threads, int questions, double wallSeconds) {
    public TimingReport {
        latency = Map.copyOf(latency);
    }

    public double questionsPerSecond() {
        return wallSeconds <= 0 ? 0 : questions / wallSeconds;
    }

    public static TimingReport of(List<QuestionScore> scores, int threads, long wallNanos) {
        List<QuestionScore> ok = scores.stream().filter(s -> !s.failed()).toList();
        Map<Stage, LatencySummary> latency = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            latency.put(stage, LatencySummary.ofNanos(ok.stream().mapToLong(s -> s.timings().of(stage)).toArray()));
        }
        return new TimingReport(latency, threads, scores.size(), wallNanos / 1e9);
    }
}
