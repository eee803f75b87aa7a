package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;

/**
 * A dataset line that does not follow its format. The message names the file, the line number and what
 * was expected there, so the user can fix the line without reading the reader's code.
 */
public class DatasetFormatException extends InvalidInputException {
    private final transient SourceLine at;

    public DatasetFormatException(SourceLine at, String problem) {
        super(at + ": " + problem);
        this.at = at;
    }

    public DatasetFormatException(SourceLine at, String problem, Throwable cause) {
        super(at + ": " + problem, cause);
        this.at = at;
    }

    public SourceLine at() {
        return at;
    }
}
