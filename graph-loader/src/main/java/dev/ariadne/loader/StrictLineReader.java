package dev.ariadne.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes an ASCII-compatible byte stream line by line, strictly. A line holding a byte sequence that is
 * not valid in the charset is never turned into U+FFFD: it is reported to {@link Malformed} with its line
 * number and byte offsets and handed on as an empty line, so the format readers keep their line numbers
 * and the line counts as rejected, not as data. A leading byte-order mark is dropped: it would otherwise
 * become part of the first key and make two entities of one.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as {@link java.io.BufferedReader#readLine}
 * counts them; the terminator is passed on as {@code \n}.
 */
final class StrictLineReader extends Reader {
    /** Called for each line that does not decode; {@code line} is 1-based. */
    interface Malformed {
        void line(long line, String reason);
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final Malformed malformed;
    private final boolean decompressed;
    private final String offsetIn;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int lineLength;
    private CharBuffer chars = CharBuffer.allocate(256);
    /** Decoded text of the current line (terminator included) not yet handed out. */
    private char[] out = new char[0];
    private int outPos;
    private int outLimit;
    private long linesDone;
    private long lineStartOffset;
    private long offset;
    private boolean first = true;

    /** {@code decompressed}: whether {@code in} is a gzipped file's content, so offsets are not the file's. */
    StrictLineReader(InputStream in, Charset charset, boolean decompressed, Malformed malformed) {
        this.in = in;
        this.decompressed = decompressed;
        this.offsetIn = decompressed ? "the decompressed data" : "the file";
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.malformed = malformed;
    }

    /** Whether the bytes are a gzipped file's decompressed content. */
    boolean decompressed() {
        return decompressed;
    }

    /** Complete lines handed out so far: after a read failure, the last line read whole. */
    long linesRead() {
        return linesDone;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLimit && !nextLine()) {
            return -1;
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(out, outPos, cbuf, off, n);
        outPos += n;
        return n;
    }

    /** Reads and decodes the next line into {@link #out}; false at the end of input. */
    private boolean nextLine() throws IOException {
        lineLength = 0;
        lineStartOffset = offset;
        boolean terminated = false;
        boolean ascii = true;
        while (!terminated) {
            if (pos == limit && !fill()) {
                break;
            }
            byte b = buf[pos++];
            offset++;
            if (b == '\n') {
                terminated = true;
            } else if (b == '\r') {
                terminated = true;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                    offset++;
                }
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
                ascii &= b >= 0;
            }
        }
        if (!terminated && lineLength == 0) {
            return false;
        }
        long lineNo = ++linesDone;
        int start = 0;
        if (first) {
            first = false;
            if (lineLength >= 3 && Arrays.equals(line, 0, 3, UTF8_BOM, 0, 3)
                    && decoder.charset().equals(StandardCharsets.UTF_8)) {
                start = 3;
            }
        }
        int n = lineLength - start;
        ensureOut(n + 1);
        if (ascii) {
            for (int i = 0; i < n; i++) {
                out[i] = (char) line[start + i];
            }
            outLimit = n;
        } else {
            outLimit = decode(lineNo, start);
        }
        if (outLimit > 0 && out[0] == '\uFEFF' && lineNo == 1) {
            // A byte-order mark in a charset other than UTF-8's three bytes (or one written twice).
            System.arraycopy(out, 1, out, 0, --outLimit);
        }
        if (terminated) {
            out[outLimit++] = '\n';
        }
        outPos = 0;
        return true;
    }

    /** Decodes {@code line[start..lineLength)} into {@link #out}; a malformed line becomes empty. */
    private int decode(long lineNo, int start) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
        if (chars.capacity() < lineLength) {
            chars = CharBuffer.allocate(Math.max(lineLength, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < Math.max(1, result.length()) && at + i < lineLength; i++) {
                shown.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", line[at + i] & 0xFF));
            }
            malformed.line(lineNo, String.format(Locale.ROOT,
                    "%s byte sequence %s at byte %,d of the line (offset %,d from the start of %s): not valid %s;"
                            + " give the file's encoding with --encoding (e.g. --encoding ISO-8859-1)",
                    result.isMalformed() ? "malformed" : "unmappable", shown, at + 1, lineStartOffset + at,
                    offsetIn, decoder.charset().name()));
            return 0;
        }
        chars.flip();
        int n = chars.remaining();
        chars.get(out, 0, n);
        return n;
    }

    private void ensureOut(int n) {
        if (out.length < n + 1) {
            out = new char[Math.max(n + 1, out.length * 2)];
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            pos = 0;
            limit = 0;
            return !eof && fill();
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
