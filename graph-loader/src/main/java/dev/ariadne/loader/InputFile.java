package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** One input file: opened with gzip detected from its first bytes, and its format resolved. */
final class InputFile {
    private final Path path;
    private final long size;

    private InputFile(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    static InputFile check(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException("no such file: " + path);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidInputException("not a readable file: " + path);
        }
        try (InputStream probe = Files.newInputStream(path)) {
            // Opening proves readability where permission bits do not tell (ACLs, network mounts).
            return new InputFile(path, Files.size(path));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /**
     * A strict line decoder over the file in {@code charset}, gunzipped when it starts with the gzip magic
     * bytes; {@code bytesRead} counts the file's own (compressed) bytes for progress, and lines that do
     * not decode go to {@code malformed}.
     */
    StrictLineReader open(AtomicLong bytesRead, Charset charset, StrictLineReader.Malformed malformed)
            throws IOException {
        InputStream raw = new CountingStream(Files.newInputStream(path), bytesRead);
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        boolean gzipped = b1 == 0x1f && b2 == 0x8b;
        InputStream in = gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new StrictLineReader(in, charset, gzipped, malformed);
    }

    /** {@code requested} unless it is AUTO: then from the file name, else from the first non-blank line. */
    InputFormat resolve(InputFormat requested) {
        if (requested != InputFormat.AUTO) {
            return requested;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".tsv")) {
            return InputFormat.TSV;
        }
        if (name.endsWith(".csv")) {
            return InputFormat.CSV;
        }
        if (name.endsWith(".nt")) {
            return InputFormat.NTRIPLES;
        }
        if (name.endsWith(".ttl")) {
            return InputFormat.TURTLE;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return InputFormat.JSONL;
        }
        String first = firstLine();
        if (first != null) {
            String t = first.strip();
            if (t.startsWith("{")) {
                return InputFormat.JSONL;
            }
            if (t.startsWith("@prefix") || t.startsWith("@base") || t.regionMatches(true, 0, "PREFIX", 0, 6)) {
                return InputFormat.TURTLE;
            }
            if (t.startsWith("<") || t.startsWith("_:")) {
                return InputFormat.NTRIPLES;
            }
            if (t.indexOf('\t') >= 0) {
                return InputFormat.TSV;
            }
            if (t.indexOf('|') >= 0) {
                return InputFormat.METAQA;
            }
        }
        throw new InvalidInputException("cannot tell the format of " + path
                + ": name it with --format (metaqa, tsv, csv, ntriples, turtle or jsonl)");
    }

    /**
     * The first non-blank, non-comment line, for format detection only: read as ISO-8859-1, which maps
     * every byte, so that a byte not valid in the file's encoding (rejected, with its line, when the file
     * is read) does not hide the line's ASCII structure; a UTF-8 byte-order mark is dropped.
     */
    private String firstLine() {
        try (BufferedReader r = new BufferedReader(open(new AtomicLong(), StandardCharsets.ISO_8859_1,
                (line, reason) -> { }))) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                if (first && line.startsWith("\u00EF\u00BB\u00BF")) {
                    line = line.substring(3);
                }
                first = false;
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
