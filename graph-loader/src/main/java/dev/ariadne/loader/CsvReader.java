package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV (RFC 4180 quoting: {@code "a ""b"""}, quoted fields may span lines) with a header row naming the
 * columns. Required: a subject, a relation and an object column; optional {@code subject_name} and
 * {@code object_name} columns give display names when the keys are ids.
 */
final class CsvReader implements FormatReader {
    static final List<String> SUBJECT = List.of("subject", "head", "source", "s", "subject_id", "from");
    static final List<String> RELATION = List.of("relation", "predicate", "rel", "type", "r", "p");
    static final List<String> OBJECT = List.of("object", "tail", "target", "o", "object_id", "to");
    static final List<String> SUBJECT_NAME = List.of("subject_name", "head_name", "source_name");
    static final List<String> OBJECT_NAME = List.of("object_name", "tail_name", "target_name");

    private final char delimiter;

    CsvReader(char delimiter) {
        this.delimiter = delimiter;
    }

    @Override
    public void read(BufferedReader in, TripleSink sink) throws IOException {
        long[] lineNo = {0};
        List<String> header = null;
        int s = -1;
        int r = -1;
        int o = -1;
        int sn = -1;
        int on = -1;
        while (true) {
            long start = lineNo[0] + 1;
            List<String> fields;
            try {
                fields = nextRecord(in, lineNo);
            } catch (MalformedRecord e) {
                sink.reject(start, e.getMessage());
                continue;
            }
            if (fields == null) {
                break;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                sink.skip(start);
                continue;
            }
            if (header == null) {
                header = fields;
                s = column(header, SUBJECT, true);
                r = column(header, RELATION, true);
                o = column(header, OBJECT, true);
                sn = column(header, SUBJECT_NAME, false);
                on = column(header, OBJECT_NAME, false);
                sink.skip(start);
                continue;
            }
            if (fields.size() != header.size()) {
                sink.reject(start, "expected " + header.size() + " fields as in the header " + header + ", found "
                        + fields.size());
                continue;
            }
            String sv = fields.get(s).strip();
            String rv = fields.get(r).strip();
            String ov = fields.get(o).strip();
            if (sv.isEmpty() || rv.isEmpty() || ov.isEmpty()) {
                sink.reject(start, "empty " + (sv.isEmpty() ? header.get(s) : rv.isEmpty() ? header.get(r)
                        : header.get(o)) + " field");
                continue;
            }
            sink.accept(start, sv, sn < 0 ? null : fields.get(sn).strip(), rv, ov,
                    on < 0 ? null : fields.get(on).strip());
        }
    }

    private static int column(List<String> header, List<String> names, boolean required) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        if (required) {
            throw new InvalidInputException("the CSV header " + header + " has no " + names.get(0)
                    + " column (expected one named " + String.join(", ", names) + ")");
        }
        return -1;
    }

    /** The next record's fields, or null at the end of input. */
    private List<String> nextRecord(BufferedReader in, long[] lineNo) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lineNo[0]++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (true) {
            if (i >= line.length()) {
                if (!quoted) {
                    break;
                }
                String next = in.readLine();
                if (next == null) {
                    throw new MalformedRecord("unterminated quoted field (a '\"' opened here is never closed)");
                }
                lineNo[0]++;
                field.append('\n');
                line = next;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                throw new MalformedRecord("unexpected '" + c + "' after a closing quote at column " + i);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static final class MalformedRecord extends IOException {
        MalformedRecord(String message) {
            super(message);
        }
    }
}
