package dev.ariadne.benchmarks.report;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What data a run used.
 *
 * @param name the dataset kind (metaqa, pathquestion, worldcup, jsonl)
 * @param trainSplit the split trained on, or empty when a trained planner was given
 * @param sample the --sample limit on evaluation questions, 0 for all
 * @param fileSha256 every file read (knowledge base and questions) with its SHA-256
 */
public record DatasetInfo(String name, String trainSplit, String evalSplit, List<Integer> hops, int sample,
                          int trainQuestions, int evalQuestions, SortedMap<String, String> fileSha256) {
    public DatasetInfo {
        hops = List.copyOf(hops);
        fileSha256 = new TreeMap<>(fileSha256);
    }

    public boolean isMetaQa() {
        return name.equals("metaqa");
    }
}
