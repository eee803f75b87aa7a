package dev.ariadne.loader;

import dev.ariadne.core.text.TerminalText;
import java.nio.file.Path;

/** A malformed input line: which file, which line (1-based), and what was wrong. */
public record RejectedLine(Path file, long line, String reason) {
    /**
     * {@code kb.txt:12: expected 3 fields ...}, the form compilers use so editors can jump there. Control
     * characters in the file name or the reason (which may quote the input) are escaped as
     * {@code \}{@code u001b} and so on: a knowledge-base file must not be able to drive the terminal.
     */
    public String format() {
        return TerminalText.escape(file + ":" + line + ": " + reason);
    }

    @Override
    public String toString() {
        return format();
    }
}
