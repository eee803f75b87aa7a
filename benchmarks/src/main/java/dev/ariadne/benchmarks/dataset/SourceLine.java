package dev.ariadne.benchmarks.dataset;

import java.nio.file.Path;
import java.util.Objects;

/** Where an example or a bad line came from: the file and its 1-based line number. */
public record SourceLine(Path file, long line) {
    public SourceLine {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
