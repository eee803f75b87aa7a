package dev.ariadne.benchmarks.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** The metrics overall, per hop count and per question type. */
public record Breakdown(MetricSummary overall, SortedMap<Integer, MetricSummary> byHop,
                        SortedMap<String, MetricSummary> byType) {

    public static Breakdown of(List<QuestionScore> scores) {
        return new Breakdown(MetricSummary.of(scores),
                group(scores, s -> s.example().hops()),
                group(scores, s -> s.example().questionType().isEmpty() ? "(none)" : s.example().questionType()));
    }

    private static <K extends Comparable<K>> SortedMap<K, MetricSummary> group(List<QuestionScore> scores,
                                                                               Function<QuestionScore, K> key) {
        SortedMap<K, List<QuestionScore>> groups = new TreeMap<>();
        for (QuestionScore s : scores) {
            groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        SortedMap<K, MetricSummary> out = new TreeMap<>();
        for (Map.Entry<K, List<QuestionScore>> e : groups.entrySet()) {
            out.put(e.getKey(), MetricSummary.of(e.getValue()));
        }
        return out;
    }
}
