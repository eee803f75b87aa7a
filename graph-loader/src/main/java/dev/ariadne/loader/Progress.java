package dev.ariadne.loader;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows how far a load is: a bar on a terminal, a log line every few seconds elsewhere, or nothing. */
abstract class Progress implements AutoCloseable {
    static Progress create(ProgressMode mode, PrintStream out, long totalBytes) {
        ProgressMode m = mode;
        if (m == ProgressMode.AUTO) {
            m = System.console() != null ? ProgressMode.BAR : ProgressMode.LOG;
        }
        return switch (m) {
            case BAR -> new Bar(out, totalBytes);
            case LOG -> new Log(out, totalBytes);
            default -> new None();
        };
    }

    /** Called after each committed batch. */
    abstract void update(long bytesRead, long triples);

    @Override
    public abstract void close();

    private static final class None extends Progress {
        @Override
        void update(long bytesRead, long triples) {
        }

        @Override
        public void close() {
        }
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(PrintStream out, long totalBytes) {
            bar = new ProgressBarBuilder().setTaskName("Loading").setInitialMax(Math.max(totalBytes, 1))
                    .setUnit(" MiB", 1L << 20).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }

        @Override
        void update(long bytesRead, long triples) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(String.format(Locale.ROOT, "%,d triples", triples));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Log extends Progress {
        private static final long INTERVAL_NANOS = 5_000_000_000L;
        private final PrintStream out;
        private final long totalBytes;
        private final long start = System.nanoTime();
        private long lastPrint = start;

        Log(PrintStream out, long totalBytes) {
            this.out = out;
            this.totalBytes = totalBytes;
        }

        @Override
        void update(long bytesRead, long triples) {
            long now = System.nanoTime();
            if (now - lastPrint >= INTERVAL_NANOS) {
                lastPrint = now;
                double seconds = (now - start) / 1e9;
                out.printf(Locale.ROOT, "loading: %,d triples, %.0f%% of input, %,.0f triples/s%n", triples,
                        totalBytes == 0 ? 100.0 : 100.0 * bytesRead / totalBytes, triples / seconds);
            }
        }

        @Override
        public void close() {
        }
    }
}
