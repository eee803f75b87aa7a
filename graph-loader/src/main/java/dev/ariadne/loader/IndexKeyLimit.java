package dev.ariadne.loader;

import java.util.Locale;

/**
 * The largest key and name the loader writes. Both are indexed by range indexes (the {@code entity_key}
 * constraint's and {@code entity_name}), whose keys Neo4j 5.26 caps at 8,164 bytes of UTF-8 for a single
 * string (measured on the embedded 5.26.30 store: 8,164 bytes commit, 8,165 fail with "Property value
 * is too large to index"). A larger value fails its whole transaction, or, met while an index is being
 * built, leaves the index FAILED for every later load; so such a line is rejected before any write,
 * with a margin below the measured limit in case the key layout changes between 5.26 patch releases.
 * The full-text index splits text into terms of at most 255 characters and has no such limit here.
 */
final class IndexKeyLimit {
    /** Neo4j 5.26's range index limit for one string, in UTF-8 bytes (measured, see above). */
    static final int NEO4J_RANGE_KEY_BYTES = 8_164;
    /** The most UTF-8 bytes the loader accepts in an entity key or name. */
    static final int MAX_VALUE_BYTES = 8_000;

    private IndexKeyLimit() {
    }

    /** Why the triple's values cannot be indexed, or null when they can; names default to the keys. */
    static String problem(String subjectKey, String subjectName, String objectKey, String objectName) {
        String p = problem("subject", subjectKey);
        if (p == null && subjectName != null) {
            p = problem("subject name", subjectName);
        }
        if (p == null) {
            p = problem("object", objectKey);
        }
        if (p == null && objectName != null) {
            p = problem("object name", objectName);
        }
        return p;
    }

    static String problem(String what, String value) {
        long bytes = utf8Length(value);
        if (bytes <= MAX_VALUE_BYTES) {
            return null;
        }
        return String.format(Locale.ROOT, "%s is %,d bytes long in UTF-8 (%,d characters), more than the %,d bytes"
                        + " an indexed key or name may have (Neo4j's index key limit is %,d bytes); starts with '%s'",
                what, bytes, value.length(), MAX_VALUE_BYTES, NEO4J_RANGE_KEY_BYTES, value.substring(0,
                        Math.min(40, value.length())) + (value.length() > 40 ? "..." : ""));
    }

    /** UTF-8 length without encoding: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, else 3. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
