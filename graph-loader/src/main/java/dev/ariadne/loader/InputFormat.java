package dev.ariadne.loader;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text formats the loader reads; each may be gzipped. */
public enum InputFormat {
    /** Detect from the file name, else from the first non-blank line. */
    AUTO,
    /** {@code subject|relation|object}, MetaQA's {@code kb.txt}; the delimiter is configurable. */
    METAQA,
    /** {@code subject<TAB>relation<TAB>object}, as in the IRN datasets. */
    TSV,
    /** Comma-separated with a header row naming the subject, relation and object columns. */
    CSV,
    /** RDF N-Triples. */
    NTRIPLES,
    /** RDF Turtle. */
    TURTLE,
    /** One JSON object per line: {@code {"subject":..,"relation":..,"object":..}}. */
    JSONL;

    /** The option value users type: {@code metaqa}, {@code tsv}, ... */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDelimited() {
        return this == METAQA || this == TSV || this == CSV;
    }

    /** The field delimiter used when none is configured. */
    char defaultDelimiter() {
        return switch (this) {
            case TSV -> '\t';
            case CSV -> ',';
            default -> '|';
        };
    }

    /** Parses an option value, case-insensitive; an unknown value lists the known ones. */
    public static InputFormat fromOption(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (InputFormat f : values()) {
            if (f.optionName().equals(t)) {
                return f;
            }
        }
        if (t.equals("nt") || t.equals("n-triples")) {
            return NTRIPLES;
        }
        if (t.equals("ttl")) {
            return TURTLE;
        }
        if (t.equals("ndjson") || t.equals("json")) {
            return JSONL;
        }
        throw new InvalidInputException("unknown format '" + text + "': expected one of "
                + Arrays.stream(values()).map(InputFormat::optionName).collect(Collectors.joining(", ")));
    }
}
