package dev.ariadne.models.training;

/**
 * Where a training run is, for a progress bar: the stage ("embedding", "fitting") and how much of it is
 * done. Called from the training thread; must be cheap. {@link #NONE} ignores everything.
 */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (stage, done, total) -> { };

    void update(String stage, long done, long total);
}
