package dev.ariadne.benchmarks.report;

import dev.ariadne.benchmarks.metrics.LatencySummary;
import dev.ariadne.benchmarks.metrics.MetricSummary;
import dev.ariadne.benchmarks.metrics.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/** Writes {@code report.md}: the tables a reader compares engines by, and what each figure means. */
public final class MarkdownReport {
    static final String DEFINITIONS = """
            ## What the figures mean

            - **Hits@1** (strict): the top-ranked answer is a gold answer. The headline figure.
            - **Hit (RoG's "Hits@1")**: any returned answer is gold. RoG (Luo et al., ICLR 2024) reports this as \
            Hits@1; it rewards returning many answers, so it is shown separately and labelled.
            - **P / R / F1**: answer-set precision (share of the distinct returned answers that are gold; 0 when \
            none), recall (share of the gold answers returned) and their harmonic mean, averaged over questions.
            - **EM**: the returned answer set equals the gold set.
            - **Path acc.**: the top plan equals the gold relation path (MetaQA: the question type's chain; \
            IRN: the gold path's relations). Only over questions that have one.
            - **Invalid plans**: plans that found no path in the graph / all plans chosen.
            - **Empty**: questions answered with nothing (failures included) / questions.
            - **Faithful**: returned answers backed by at least one retrieved path / returned answers. Must be 100%.
            - Answers match gold by **entity key**; the "Hits@1 (name)" column matches display names ignoring case.
            - Latency: wall time per question and stage, nearest-rank percentiles over the questions that did not \
            fail; throughput = questions / wall time with the stated number of threads answering at once.
            - Peak heap: the sum of the heap pools' peak usage (an upper bound); peak RSS: Linux VmHWM.
            """;

    private MarkdownReport() {
    }

    public static void write(BenchmarkReport r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    public static String render(BenchmarkReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Ariadne benchmark: ").append(r.dataset().name()).append(' ').append(r.dataset().evalSplit())
                .append("\n\n");
        md.append("- command: `").append(r.run().commandLine()).append("`\n");
        md.append("- commit: `").append(r.run().gitCommit()).append(r.run().gitDirty() ? " (with local changes)" : "")
                .append("`, date ").append(r.run().startedAt()).append('\n');
        md.append("- machine: ").append(r.run().cores()).append(" cores, ").append(r.run().os()).append(", ")
                .append(r.run().jvm()).append(' ').append(r.run().javaVersion()).append(", max heap ")
                .append(mib(r.run().maxHeapBytes())).append('\n');
        md.append("- data: ").append(r.dataset().name()).append(", hops ").append(r.dataset().hops())
                .append(", evaluated on `").append(r.dataset().evalSplit()).append("` (")
                .append(r.dataset().evalQuestions()).append(" questions")
                .append(r.dataset().sample() > 0 ? ", --sample " + r.dataset().sample() + " per hop" : "")
                .append("), seed ").append(r.run().seed()).append('\n');
        if (r.model().trained()) {
            md.append("- planner: trained on `").append(r.dataset().trainSplit()).append("` (")
                    .append(r.model().trainingExamples()).append(" questions) in ")
                    .append(fmt("%.1f", r.model().trainingSeconds())).append(" s");
        } else {
            md.append("- planner: loaded from `").append(r.model().file()).append('`');
        }
        md.append(", sha256 `").append(r.model().sha256()).append("`\n");
        md.append("- graph: ").append(r.graph().triples()).append(" triples, kb sha256 `")
                .append(r.graph().kbSha256()).append("`, ")
                .append(r.graph().reused() ? "database reused" : "loaded in " + fmt("%.1f", r.graph().loadSeconds()) + " s")
                .append("\n\n");

        if (r.dataset().isMetaQa()) {
            metaQaComparison(r, md);
        }
        md.append("## Answers and plans by hop\n\n");
        header(md, "hops");
        r.metrics().byHop().forEach((h, s) -> row(md, h + "-hop", s));
        row(md, "**all**", r.metrics().overall());
        md.append('\n');
        if (r.metrics().byType().size() > 1 || !r.metrics().byType().containsKey("(none)")) {
            md.append("## By question type\n\n");
            header(md, "type");
            r.metrics().byType().forEach((t, s) -> row(md, "`" + t + "`", s));
            md.append('\n');
        }

        md.append("## Time and memory\n\n");
        md.append("| stage | mean ms | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (Stage stage : Stage.values()) {
            LatencySummary l = r.timing().latency().get(stage);
            md.append("| ").append(stage.label()).append(" | ").append(fmt("%.2f", l.meanMs())).append(" | ")
                    .append(fmt("%.2f", l.p50Ms())).append(" | ").append(fmt("%.2f", l.p95Ms())).append(" | ")
                    .append(fmt("%.2f", l.p99Ms())).append(" | ").append(fmt("%.2f", l.maxMs())).append(" |\n");
        }
        md.append("\nThroughput: ").append(fmt("%.1f", r.timing().questionsPerSecond())).append(" questions/s with ")
                .append(r.timing().threads()).append(" thread(s) (").append(r.timing().questions()).append(" questions in ")
                .append(fmt("%.1f", r.timing().wallSeconds())).append(" s). Peak heap ")
                .append(mib(r.memory().peakHeapBytes())).append(", peak RSS ")
                .append(r.memory().peakRssBytes().isPresent() ? mib(r.memory().peakRssBytes().getAsLong()) : "unknown")
                .append(".\n\n");
        md.append("Charts: `").append(ChartFiles.ACCURACY_BY_HOP).append("`, `").append(ChartFiles.ACCURACY_BY_TYPE)
                .append("`, `").append(ChartFiles.LATENCY_BY_STAGE).append("`.\n\n");
        md.append(DEFINITIONS);
        if (r.dataset().isMetaQa()) {
            md.append("\n").append(PublishedResults.METAQA_CITATION).append('\n');
        }
        return md.toString();
    }

    private static void metaQaComparison(BenchmarkReport r, StringBuilder md) {
        md.append("## MetaQA Hits@1 (%)\n\n");
        md.append("Published figures are on the official test split; Ariadne's are on `")
                .append(r.dataset().evalSplit()).append("`. Source of the data: MetaQA (Zhang et al., AAAI 2018, "
                        + "CC BY 3.0).\n\n");
        md.append("| system | 1-hop | 2-hop | 3-hop |\n|---|---:|---:|---:|\n");
        for (PublishedResults.Row p : PublishedResults.METAQA_HITS1) {
            md.append("| ").append(p.system()).append(" | ").append(fmt("%.1f", p.oneHop())).append(" | ")
                    .append(fmt("%.1f", p.twoHop())).append(" | ").append(fmt("%.1f", p.threeHop())).append(" |\n");
        }
        md.append("| **Ariadne (this run)** |");
        for (int h = 1; h <= 3; h++) {
            MetricSummary s = r.metrics().byHop().get(h);
            md.append(' ').append(s == null ? "-" : "**" + pct(s.byKey().hits1()) + "**").append(" |");
        }
        md.append("\n\n");
    }

    private static void header(StringBuilder md, String first) {
        md.append("| ").append(first).append(" | N | Hits@1 | Hits@1 (name) | Hit (RoG's Hits@1) | P | R | F1 | EM "
                + "| Path acc. | Invalid plans | Empty | Faithful | Failed |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }

    private static void row(StringBuilder md, String label, MetricSummary s) {
        md.append("| ").append(label).append(" | ").append(s.questions()).append(" | ")
                .append(pct(s.byKey().hits1())).append(" | ").append(pct(s.byName().hits1())).append(" | ")
                .append(pct(s.byKey().hit())).append(" | ").append(pct(s.byKey().precision())).append(" | ")
                .append(pct(s.byKey().recall())).append(" | ").append(pct(s.byKey().f1())).append(" | ")
                .append(pct(s.byKey().exactMatch())).append(" | ").append(pct(s.pathAccuracy())).append(" | ")
                .append(pct(s.invalidPlanRate())).append(" | ").append(pct(s.emptyAnswerRate())).append(" | ")
                .append(pct(s.faithfulness())).append(" | ").append(s.failed()).append(" |\n");
    }

    static String pct(double fraction) {
        return fmt("%.1f", 100 * fraction);
    }

    static String pct(OptionalDouble fraction) {
        return fraction.isPresent() ? pct(fraction.getAsDouble()) : "n/a";
    }

    private static String mib(long bytes) {
        return fmt("%.0f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
