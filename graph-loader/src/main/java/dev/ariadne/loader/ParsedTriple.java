package dev.ariadne.loader;

import java.nio.file.Path;

/**
 * A well-formed input triple: entity keys with display names, and the relation type, with the file and
 * line it came from so that a triple the database refuses can be reported where it was read.
 */
record ParsedTriple(Path file, long line, String subjectKey, String subjectName, String relation, String objectKey,
                    String objectName) {
}
