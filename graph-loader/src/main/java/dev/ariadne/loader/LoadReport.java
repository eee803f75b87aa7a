package dev.ariadne.loader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a load did.
 *
 * @param linesRead input lines read (blank lines included)
 * @param triplesLoaded relationships created
 * @param duplicates well-formed triples that were already in the graph or repeated in the input
 * @param rejectedLines malformed lines skipped
 * @param entitiesCreated {@code :Entity} nodes created
 * @param rejected the first rejected lines (at most {@link #MAX_KEPT_REJECTIONS})
 */
public record LoadReport(List<Path> files, long linesRead, long triplesLoaded, long duplicates, long rejectedLines,
                         long entitiesCreated, Duration elapsed, List<RejectedLine> rejected) {
    public static final int MAX_KEPT_REJECTIONS = 1_000;

    public LoadReport {
        files = List.copyOf(files);
        rejected = List.copyOf(rejected);
    }

    /** Well-formed triples read (loaded or duplicate). */
    public long triplesRead() {
        return triplesLoaded + duplicates;
    }

    /** Well-formed triples handled per second of wall time, schema and indexes included. */
    public double triplesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : triplesRead() / seconds;
    }

    /** A short human summary, one fact per line. */
    public String summary() {
        return String.format(Locale.ROOT,
                "lines read:       %,d%ntriples loaded:   %,d%nduplicates:       %,d%nrejected lines:   %,d%n"
                        + "entities created: %,d%ntime:             %.2f s (%,.0f triples/s)",
                linesRead, triplesLoaded, duplicates, rejectedLines, entitiesCreated, elapsed.toNanos() / 1e9,
                triplesPerSecond());
    }
}
