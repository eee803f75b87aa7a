package dev.ariadne.loader;

/** A well-formed input triple: entity keys with display names, and the relation type. */
record ParsedTriple(String subjectKey, String subjectName, String relation, String objectKey, String objectName) {
}
