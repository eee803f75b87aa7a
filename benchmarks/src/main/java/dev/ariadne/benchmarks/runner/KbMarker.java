package dev.ariadne.benchmarks.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file stored beside a benchmark database saying which knowledge base it holds:
 * {@code <sha256> <dataset kind>}. Written only after a load completed, so a database whose load was
 * interrupted is never reused; a database is reused only when the KB file's SHA-256 and the dataset kind
 * (which decides how the file is read) both match.
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

    /** Removes the marker before a (re)load starts. */
    public static void clear(Path dbDir) {
        try {
            Files.deleteIfExists(dbDir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dbDir.resolve(FILE), e);
        }
    }

    private static String line(String sha, DatasetKind kind) {
        return sha + " " + kind.option();
    }
}
