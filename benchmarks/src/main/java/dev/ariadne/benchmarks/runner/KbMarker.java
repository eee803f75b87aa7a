package dev.ariadne.benchmarks.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file stored inside a benchmark database folder saying which knowledge base it holds:
 * {@code <sha256> <dataset kind>} once a load has completed, {@code loading ...} while it runs. A database
 * is reused only when the KB file's SHA-256 and the dataset kind (which decides how the file is read) both
 * match, so an interrupted load is never reused. A folder with a marker was made by the runner and may be
 * wiped and reloaded; a non-empty folder without one is someone else's and is left alone.
 */
public final class KbMarker {
    public static final String FILE = "ariadne-bench-kb.sha256";

    private KbMarker() {
    }

    public static boolean matches(Path dbDir, String kbSha256, DatasetKind kind) {
        Path marker = dbDir.resolve(FILE);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).strip().equals(line(kbSha256, kind));
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(Path dbDir, String kbSha256, DatasetKind kind) {
        try {
            Files.createDirectories(dbDir);
            Files.writeString(dbDir.resolve(FILE), line(kbSha256, kind) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dbDir.resolve(FILE), e);
        }
    }

    /** Marks a load as started, so a crash leaves a folder the runner knows it may wipe. */
    public static void markLoading(Path dbDir, String kbSha256, DatasetKind kind) {
        try {
            Files.createDirectories(dbDir);
            Files.writeString(dbDir.resolve(FILE), "loading " + line(kbSha256, kind) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dbDir.resolve(FILE), e);
        }
    }

    /** Whether the folder carries a marker at all (that is, the runner created it). */
    public static boolean present(Path dbDir) {
        return Files.isRegularFile(dbDir.resolve(FILE));
    }

    private static String line(String sha, DatasetKind kind) {
        return sha + " " + kind.option();
    }
}
