package dev.ariadne.loader;

import java.nio.file.Path;

/** A malformed input line: which file, which line (1-based), and what was wrong. */
public record RejectedLine(Path file, long line, String reason) {
    /** {@code kb.txt:12: expected 3 fields ...}, the form compilers use so editors can jump there. */
    public String format() {
        return file + ":" + line + ": " + reason;
    }

    @Override
    public String toString() {
        return format();
    }
}
