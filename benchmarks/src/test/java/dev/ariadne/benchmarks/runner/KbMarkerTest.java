package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbMarkerTest {
    @TempDir
    Path db;

    @Test
    void onlyACompletedLoadOfTheSameKbAndKindMatches() {
        assertFalse(KbMarker.present(db));
        assertFalse(KbMarker.matches(db, "abc", DatasetKind.METAQA));
        KbMarker.markLoading(db, "abc", DatasetKind.METAQA);
        assertTrue(KbMarker.present(db));
        assertFalse(KbMarker.matches(db, "abc", DatasetKind.METAQA), "an unfinished load is never reused");
        KbMarker.write(db, "abc", DatasetKind.METAQA);
        assertTrue(KbMarker.matches(db, "abc", DatasetKind.METAQA));
        assertFalse(KbMarker.matches(db, "abd", DatasetKind.METAQA));
        assertFalse(KbMarker.matches(db, "abc", DatasetKind.JSONL), "the kind decides how the file was read");
    }
}
