package dev.ariadne.benchmarks.report;

import dev.ariadne.benchmarks.metrics.Breakdown;
import dev.ariadne.benchmarks.metrics.PeakMemory;
import dev.ariadne.benchmarks.metrics.TimingReport;
import java.util.Objects;

/** Every figure of one benchmark run and where it came from. */
public record BenchmarkReport(RunInfo run, DatasetInfo dataset, GraphInfo graph, ModelInfo model, Breakdown metrics,
                              TimingReport timing, PeakMemory memory) {
    public BenchmarkReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(memory, "memory");
    }
}
