package dev.ariadne.engine.cli;

import dev.ariadne.models.training.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The training progress bar on standard error: one line per stage, redrawn in place at each whole percent
 * ({@code \r}), ended when the stage completes.
 */
final class TrainingProgressLine implements TrainingProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private String stage = "";
    private long lastPercent = -1;

    TrainingProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        if (total <= 0) {
            return;
        }
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            lastPercent = -1;
        }
        long percent = Math.min(100, 100 * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = (int) (WIDTH * percent / 100);
        err.print(String.format(Locale.ROOT, "\r  %-9s [%s%s] %3d%% (%,d/%,d)", stage, "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done, total));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
