package dev.ariadne.benchmarks.report;

import java.util.List;

/**
 * Published MetaQA (vanilla) Hits@1, in percent, for 1/2/3-hop questions on the official test split, as the
 * papers report them. Shown beside Ariadne's dev-holdout figures for orientation only: the splits differ.
 */
public final class PublishedResults {
    /** One system's published figures. */
    public record Row(String system, double oneHop, double twoHop, double threeHop) {
        public double hop(int h) {
            return switch (h) {
                case 1 -> oneHop;
                case 2 -> twoHop;
                case 3 -> threeHop;
                default -> Double.NaN;
            };
        }
    }

    public static final List<Row> METAQA_HITS1 = List.of(
            new Row("KV-Mem", 96.2, 82.7, 48.9),
            new Row("GraftNet", 97.0, 94.8, 77.7),
            new Row("PullNet", 97.0, 99.9, 91.4),
            new Row("EmbedKGQA", 97.5, 98.8, 94.8),
            new Row("NSM", 97.1, 99.9, 98.9),
            new Row("TransferNet", 97.5, 100.0, 100.0),
            new Row("UniKGQA", 97.5, 99.0, 99.1));

    public static final String METAQA_CITATION = "MetaQA: Zhang, Dai, Kozareva, Smola and Song, \"Variational "
            + "Reasoning for Question Answering with Knowledge Graph\", AAAI 2018; data licensed CC BY 3.0 "
            + "(https://creativecommons.org/licenses/by/3.0/). Ariadne uses a corrected copy of its KB "
            + "(duplicate lines removed; see ../shared/datasets/metaqa/README.md).";

    private PublishedResults() {
    }
}
