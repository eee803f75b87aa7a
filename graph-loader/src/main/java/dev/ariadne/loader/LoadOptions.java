package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Immutable settings of one load, made with {@link #builder()}. The builder rejects a bad value as soon
 * as it is set, so a load never starts with options it cannot honour.
 */
public final class LoadOptions {
    public static final long DEFAULT_MAX_ERRORS = 1_000;
    public static final int DEFAULT_BATCH_SIZE = 50_000;

    private final InputFormat format;
    private final Character delimiter;
    private final long maxErrors;
    private final int batchSize;
    private final ProgressMode progress;
    private final PrintStream log;
    private final RdfRelationNaming rdfRelationNaming;
    private final Consumer<RejectedLine> onRejected;
    private final Charset encoding;

    private LoadOptions(Builder b) {
        this.format = b.format;
        this.delimiter = b.delimiter;
        this.maxErrors = b.maxErrors;
        this.batchSize = b.batchSize;
        this.progress = b.progress;
        this.log = b.log;
        this.rdfRelationNaming = b.rdfRelationNaming;
        this.onRejected = b.onRejected;
        this.encoding = b.encoding;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: format detected, up to 1,000 malformed lines, 50,000 triples a transaction. */
    public static LoadOptions defaults() {
        return builder().build();
    }

    public InputFormat format() {
        return format;
    }

    /** The delimiter for {@code format}: the configured one, else the format's own. */
    public char delimiterFor(InputFormat format) {
        return delimiter != null ? delimiter : format.defaultDelimiter();
    }

    public boolean hasCustomDelimiter() {
        return delimiter != null;
    }

    public long maxErrors() {
        return maxErrors;
    }

    public int batchSize() {
        return batchSize;
    }

    public ProgressMode progress() {
        return progress;
    }

    public PrintStream log() {
        return log;
    }

    public RdfRelationNaming rdfRelationNaming() {
        return rdfRelationNaming;
    }

    public Consumer<RejectedLine> onRejected() {
        return onRejected;
    }

    /** The input files' character encoding (UTF-8 unless set); bytes not valid in it reject their line. */
    public Charset encoding() {
        return encoding;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.delimiter = delimiter;
        b.maxErrors = maxErrors;
        b.batchSize = batchSize;
        b.progress = progress;
        b.log = log;
        b.rdfRelationNaming = rdfRelationNaming;
        b.onRejected = onRejected;
        b.encoding = encoding;
        return b;
    }

    /** Builds {@link LoadOptions}; each setter checks its value at once. */
    public static final class Builder {
        private InputFormat format = InputFormat.AUTO;
        private Character delimiter;
        private long maxErrors = DEFAULT_MAX_ERRORS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private ProgressMode progress = ProgressMode.AUTO;
        private PrintStream log = System.err;
        private RdfRelationNaming rdfRelationNaming = RdfRelationNaming.LOCAL_NAME;
        private Consumer<RejectedLine> onRejected = r -> { };
        private Charset encoding = StandardCharsets.UTF_8;

        private Builder() {
        }

        public Builder format(InputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            checkDelimiterFits();
            return this;
        }

        /** The field delimiter of {@code metaqa}, {@code tsv} and {@code csv} input. */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
                throw new InvalidInputException("invalid delimiter " + describe(delimiter)
                        + ": it cannot be a quote or a line break");
            }
            this.delimiter = delimiter;
            checkDelimiterFits();
            return this;
        }

        /** Parses a delimiter option: one character, or {@code \t} / {@code tab}. */
        public Builder delimiter(String text) {
            if (text == null) {
                throw new InvalidInputException("invalid delimiter: null");
            }
            if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
                return delimiter('\t');
            }
            if (text.length() != 1) {
                throw new InvalidInputException("invalid delimiter '" + text
                        + "': expected a single character (or \\t for tab)");
            }
            return delimiter(text.charAt(0));
        }

        private void checkDelimiterFits() {
            if (delimiter != null && format != InputFormat.AUTO && !format.isDelimited()) {
                throw new InvalidInputException("a delimiter applies only to the metaqa, tsv and csv formats, not "
                        + format.optionName());
            }
        }

        /** How many malformed lines are skipped (and reported) before the load stops; 0 stops at the first. */
        public Builder maxErrors(long maxErrors) {
            if (maxErrors < 0) {
                throw new InvalidInputException("max errors must be >= 0: " + maxErrors);
            }
            this.maxErrors = maxErrors;
            return this;
        }

        /** Triples per write transaction. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000_000) {
                throw new InvalidInputException("batch size must be in [1, 10000000]: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder progress(ProgressMode progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Where progress lines and the progress bar go (stderr by default). */
        public Builder log(PrintStream log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public Builder rdfRelationNaming(RdfRelationNaming naming) {
            this.rdfRelationNaming = Objects.requireNonNull(naming, "rdfRelationNaming");
            return this;
        }

        /** Called for each malformed line as it is met (on the loading thread). */
        public Builder onRejected(Consumer<RejectedLine> listener) {
            this.onRejected = Objects.requireNonNull(listener, "onRejected");
            return this;
        }

        /**
         * The input files' encoding. Only charsets that write ASCII as single ASCII bytes (UTF-8, the
         * ISO-8859 family, Windows code pages, ...) are accepted: lines are split on the byte {@code \n}
         * before decoding, which UTF-16 and UTF-32 do not allow.
         */
        public Builder encoding(Charset encoding) {
            Objects.requireNonNull(encoding, "encoding");
            if (!asciiCompatible(encoding)) {
                throw new InvalidInputException("unsupported encoding " + encoding.name()
                        + ": input must be in an ASCII-compatible encoding (UTF-8, ISO-8859-1, windows-1252, ...);"
                        + " convert UTF-16 or UTF-32 files to UTF-8 first");
            }
            this.encoding = encoding;
            return this;
        }

        /** Parses an encoding option: a charset name or alias such as {@code UTF-8}, {@code latin1}. */
        public Builder encoding(String name) {
            Charset charset;
            try {
                charset = Charset.forName(name == null ? "" : name.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new InvalidInputException("unknown encoding '" + name
                        + "': expected a charset name such as UTF-8, ISO-8859-1 or windows-1252");
            }
            return encoding(charset);
        }

        private static boolean asciiCompatible(Charset charset) {
            if (!charset.canEncode()) {
                return false;
            }
            byte[] ascii = new byte[128];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) i;
            }
            String text = new String(ascii, StandardCharsets.US_ASCII);
            return Arrays.equals(ascii, text.getBytes(charset)) && text.equals(new String(ascii, charset));
        }

        public LoadOptions build() {
            return new LoadOptions(this);
        }

        private static String describe(char c) {
            return c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : "'" + c + "'";
        }
    }
}
