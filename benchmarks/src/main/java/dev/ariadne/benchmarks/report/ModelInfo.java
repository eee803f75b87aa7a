package dev.ariadne.benchmarks.report;

/**
 * The planner a run evaluated.
 *
 * @param trained true when the run trained it, false when it was loaded from {@code file}
 * @param trainingSeconds wall time of training (0 when loaded)
 * @param trainingExamples questions trained on (0 when loaded)
 * @param file where the planner is stored (the run saves a trained one into its output folder)
 * @param sha256 SHA-256 of that file, "" when it could not be saved
 */
public record ModelInfo(boolean trained, double trainingSeconds, int trainingExamples, String file, String sha256) {
}
