package dev.ariadne.benchmarks.report;

import dev.ariadne.benchmarks.metrics.MetricSummary;
import dev.ariadne.benchmarks.metrics.QuestionScore;
import dev.ariadne.benchmarks.metrics.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the report's PNG charts with XChart, headless: accuracy (Hits@1, Hit, F1) by hop and by question
 * type, and the per-question latency distribution of each stage as box plots.
 */
public final class ChartFiles {
    public static final String ACCURACY_BY_HOP = "accuracy-by-hop.png";
    public static final String ACCURACY_BY_TYPE = "accuracy-by-type.png";
    public static final String LATENCY_BY_STAGE = "latency-by-stage.png";

    private ChartFiles() {
    }

    /** Writes the three charts into {@code dir} and returns their paths. */
    public static List<Path> write(BenchmarkReport report, List<QuestionScore> scores, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> out = new ArrayList<>();
        Map<String, MetricSummary> byHop = new LinkedHashMap<>();
        report.metrics().byHop().forEach((h, s) -> byHop.put(h + "-hop", s));
        out.add(save(accuracy("Accuracy by hop", byHop, 800, 500, 0), dir.resolve(ACCURACY_BY_HOP)));
        Map<String, MetricSummary> byType = new LinkedHashMap<>(report.metrics().byType());
        int width = Math.max(800, 60 * byType.size() + 200);
        out.add(save(accuracy("Accuracy by question type", byType, width, 650, 60), dir.resolve(ACCURACY_BY_TYPE)));
        out.add(save(latency(scores), dir.resolve(LATENCY_BY_STAGE)));
        return out;
    }

    private static CategoryChart accuracy(String title, Map<String, MetricSummary> groups, int width, int height,
                                          int labelRotation) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("").yAxisTitle("% of questions").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisLabelRotation(labelRotation);
        List<String> names = new ArrayList<>(groups.keySet());
        List<Double> hits1 = new ArrayList<>();
        List<Double> hit = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        for (MetricSummary s : groups.values()) {
            hits1.add(100 * s.byKey().hits1());
            hit.add(100 * s.byKey().hit());
            f1.add(100 * s.byKey().f1());
        }
        if (names.isEmpty()) {
            names.add("(no questions)");
            hits1.add(0.0);
            hit.add(0.0);
            f1.add(0.0);
        }
        chart.addSeries("Hits@1 (strict)", names, hits1);
        chart.addSeries("Hit (RoG's Hits@1)", names, hit);
        chart.addSeries("F1", names, f1);
        return chart;
    }

    private static BoxChart latency(List<QuestionScore> scores) {
        BoxChart chart = new BoxChartBuilder().width(800).height(500).title("Latency per question by stage")
                .yAxisTitle("ms").build();
        List<QuestionScore> ok = scores.stream().filter(s -> !s.failed()).toList();
        for (Stage stage : Stage.values()) {
            // XChart probes the list with contains(null), which immutable lists reject
            List<Double> ms = new ArrayList<>();
            ok.forEach(s -> ms.add(s.timings().of(stage) / 1e6));
            if (ms.isEmpty()) {
                ms.add(0.0);
            }
            chart.addSeries(stage.label(), ms);
        }
        return chart;
    }

    private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
