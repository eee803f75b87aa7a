package dev.ariadne.loader;

import java.io.BufferedReader;
import java.io.IOException;

/** {@code subject|relation|object} lines (MetaQA), or the same with any one-character delimiter (TSV). */
final class DelimitedReader implements FormatReader {
    private final char delimiter;
    private final String shape;

    DelimitedReader(char delimiter, InputFormat format) {
        this.delimiter = delimiter;
        String d = delimiter == '\t' ? "<TAB>" : String.valueOf(delimiter);
        this.shape = "subject" + d + "relation" + d + "object";
    }

    @Override
    public void read(BufferedReader in, TripleSink sink) throws IOException {
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                sink.skip(lineNo);
                continue;
            }
            int first = line.indexOf(delimiter);
            int second = first < 0 ? -1 : line.indexOf(delimiter, first + 1);
            if (second < 0 || line.indexOf(delimiter, second + 1) >= 0) {
                sink.reject(lineNo, "expected 3 fields (" + shape + "), found " + countFields(line));
                continue;
            }
            String s = line.substring(0, first).strip();
            String r = line.substring(first + 1, second).strip();
            String o = line.substring(second + 1).strip();
            if (s.isEmpty() || r.isEmpty() || o.isEmpty()) {
                sink.reject(lineNo, "empty " + (s.isEmpty() ? "subject" : r.isEmpty() ? "relation" : "object")
                        + " (expected " + shape + ")");
                continue;
            }
            sink.accept(lineNo, s, null, r, o, null);
        }
    }

    private int countFields(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                n++;
            }
        }
        return n;
    }
}
