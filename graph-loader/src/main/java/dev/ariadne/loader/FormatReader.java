package dev.ariadne.loader;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads one input format into a {@link TripleSink}. */
interface FormatReader {
    void read(BufferedReader in, TripleSink sink) throws IOException;

    static FormatReader of(InputFormat format, LoadOptions options) {
        return switch (format) {
            case METAQA, TSV -> new DelimitedReader(options.delimiterFor(format), format);
            case CSV -> new CsvReader(options.delimiterFor(format));
            case NTRIPLES, TURTLE -> new RdfReader(format, options.rdfRelationNaming());
            case JSONL -> new JsonLinesReader();
            case AUTO -> throw new IllegalStateException("format must be resolved before reading");
        };
    }
}
