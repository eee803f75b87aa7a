package dev.ariadne.loader;

import java.util.ArrayList;
import java.util.List;

/** Records what a format reader emits, in order, as text. */
final class RecordingSink implements TripleSink {
    final List<String> triples = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final List<Long> skipped = new ArrayList<>();

    @Override
    public void accept(long line, String subjectKey, String subjectName, String relation, String objectKey,
                       String objectName) {
        triples.add(subjectKey + (subjectName == null ? "" : "(" + subjectName + ")") + " -" + relation + "-> "
                + objectKey + (objectName == null ? "" : "(" + objectName + ")"));
    }

    @Override
    public void reject(long line, String reason) {
        rejected.add(line + ": " + reason);
    }

    @Override
    public void skip(long line) {
        skipped.add(line);
    }
}
