package dev.ariadne.loader;

/** Where a format reader puts what it reads, line by line. */
interface TripleSink {
    /** A triple read at {@code line}; names may be null when the source has only keys. */
    void accept(long line, String subjectKey, String subjectName, String relation, String objectKey,
                String objectName);

    /** A malformed line. */
    void reject(long line, String reason);

    /** A line that held no triple (blank, a comment, a header). */
    void skip(long line);
}
