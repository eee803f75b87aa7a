package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
    @Test
    void defaults() {
        LoadOptions o = LoadOptions.defaults();
        assertEquals(InputFormat.AUTO, o.format());
        assertEquals(LoadOptions.DEFAULT_MAX_ERRORS, o.maxErrors());
        assertEquals(LoadOptions.DEFAULT_BATCH_SIZE, o.batchSize());
        assertEquals('|', o.delimiterFor(InputFormat.METAQA));
        assertEquals('\t', o.delimiterFor(InputFormat.TSV));
        assertEquals(',', o.delimiterFor(InputFormat.CSV));
    }

    @Test
    void rejectsBadValuesAtOnce() {
        assertTrue(message(() -> LoadOptions.builder().maxErrors(-1)).contains("max errors must be >= 0"));
        assertTrue(message(() -> LoadOptions.builder().batchSize(0)).contains("batch size"));
        assertTrue(message(() -> LoadOptions.builder().delimiter("ab")).contains("single character"));
        assertTrue(message(() -> LoadOptions.builder().delimiter('"')).contains("quote"));
        assertTrue(message(() -> LoadOptions.builder().format(InputFormat.TURTLE).delimiter(';'))
                .contains("only to the metaqa, tsv and csv"));
        assertTrue(message(() -> LoadOptions.builder().delimiter(';').format(InputFormat.JSONL))
                .contains("only to the metaqa, tsv and csv"));
    }

    @Test
    void delimiterOptionText() {
        assertEquals('\t', LoadOptions.builder().delimiter("\\t").build().delimiterFor(InputFormat.METAQA));
        assertEquals('\t', LoadOptions.builder().delimiter("tab").build().delimiterFor(InputFormat.CSV));
        assertEquals(';', LoadOptions.builder().delimiter(";").build().delimiterFor(InputFormat.TSV));
    }

    @Test
    void formatOptionNames() {
        assertEquals(InputFormat.NTRIPLES, InputFormat.fromOption("NTriples"));
        assertEquals(InputFormat.TURTLE, InputFormat.fromOption("ttl"));
        assertEquals(InputFormat.METAQA, InputFormat.fromOption("metaqa"));
        assertEquals("unknown format 'xml': expected one of auto, metaqa, tsv, csv, ntriples, turtle, jsonl",
                message(() -> InputFormat.fromOption("xml")));
    }

    @Test
    void toBuilderKeepsSettings() {
        LoadOptions o = LoadOptions.builder().format(InputFormat.CSV).delimiter(';').maxErrors(3).batchSize(7).build();
        LoadOptions copy = o.toBuilder().build();
        assertEquals(';', copy.delimiterFor(InputFormat.CSV));
        assertEquals(3, copy.maxErrors());
        assertEquals(7, copy.batchSize());
        assertEquals(InputFormat.CSV, copy.format());
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void encodingIsUtf8UnlessSetAndMustBeAsciiCompatible() {
        assertEquals(java.nio.charset.StandardCharsets.UTF_8, LoadOptions.defaults().encoding());
        assertEquals(java.nio.charset.StandardCharsets.ISO_8859_1,
                LoadOptions.builder().encoding("latin1").build().encoding());
        assertEquals("windows-1252", LoadOptions.builder().encoding("cp1252").build().encoding().name());
        assertTrue(message(() -> LoadOptions.builder().encoding("klingon")).startsWith("unknown encoding 'klingon'"));
        assertTrue(message(() -> LoadOptions.builder().encoding("UTF-16LE"))
                .startsWith("unsupported encoding UTF-16LE: input must be in an ASCII-compatible encoding"));
    }
}
