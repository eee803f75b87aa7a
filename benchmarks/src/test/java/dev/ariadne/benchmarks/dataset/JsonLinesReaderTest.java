package dev.ariadne.benchmarks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsRequiredAndOptionalFields() {
        List<KgqaExample> q = JsonLinesReader.read(Fixtures.path("jsonl/mini.jsonl"));
        assertEquals(3, q.size());
        assertEquals("q1", q.get(0).id());
        assertEquals(List.of("Moonlit Harbor"), q.get(0).topics());
        assertEquals(RelationPath.parse("directed_by"), q.get(0).goldPath().orElseThrow());
        assertEquals(1, q.get(0).hops());
        assertEquals(List.of("1999", "2004"), q.get(1).answers());
        assertEquals(2, q.get(1).hops());
        assertEquals("director_to_year", q.get(1).questionType());
        assertTrue(q.get(2).goldPaths().isEmpty());
        assertEquals(1, q.get(2).hops());
        assertEquals(4, q.get(2).source().line(), "the blank line is skipped but counted");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{\"id\":\"a\"; expected one JSON object a line",
            "[1,2]; expected a JSON object",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[\"t\"]}; missing field 'answers'",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[],\"answers\":[\"x\"]}; field 'topics' must be a non-empty array",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[\"t\"],\"answers\":[3]}; element 1 of 'answers' must be a non-empty string",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[\"t\"],\"answers\":[\"x\"],\"gold\":\"r\"}; unknown field 'gold'",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[\"t\"],\"answers\":[\"x\"],\"gold_path\":\"r,,s\"}; field 'gold_path': invalid relation path",
            "{\"id\":\"a\",\"question\":\"q\",\"topics\":[\"t\"],\"answers\":[\"x\"],\"gold_path\":\"r\",\"hops\":2}; field 'hops' says 2 but gold_path has 1"})
    void badLinesSayFileLineAndWhatWasExpected(String badLine, String expected) {
        Path f = Fixtures.write(tmp, "q.jsonl",
                "{\"id\":\"ok\",\"question\":\"q\",\"topics\":[\"t\"],\"answers\":[\"x\"]}\n" + badLine + "\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonLinesReader.read(f));
        assertEquals(2, e.at().line());
        assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
