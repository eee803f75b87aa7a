package dev.ariadne.benchmarks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrnReadersTest {
    @TempDir
    Path tmp;

    @Test
    void readsPathQuestionLines() {
        List<KgqaExample> pq = PathQuestionReader.read(Fixtures.path("irn/pq-mini.txt"));
        assertEquals(4, pq.size());
        KgqaExample first = pq.get(0);
        assertEquals("pq-pq-mini-1", first.id());
        assertEquals(List.of("frida_lind"), first.topics());
        assertEquals(List.of("norway"), first.answers());
        assertEquals(RelationPath.parse("spouse,nationality"), first.goldPath().orElseThrow());
        assertEquals(2, first.hops());
        assertEquals(first.splitKey(), pq.get(1).splitKey(), "paraphrases of one path share a split key");
    }

    @Test
    void answerNamesMayContainParentheses() {
        KgqaExample song = PathQuestionReader.read(Fixtures.path("irn/pq-mini.txt")).get(2);
        assertEquals(List.of("Hard_Times_(live)", "Hard_Times"), song.answers());
        assertEquals(RelationPath.parse("known_for"), song.goldPath().orElseThrow(), "<end> is a marker, not a hop");
        assertEquals(1, song.hops());
    }

    @Test
    void endMarkerAfterTwoHopsAndSeveralAlternatives() {
        KgqaExample kids = PathQuestionReader.read(Fixtures.path("irn/pq-mini.txt")).get(3);
        assertEquals(List.of("ivar_berg", "nora_berg"), kids.answers());
        assertEquals(RelationPath.parse("spouse,children"), kids.goldPath().orElseThrow());
    }

    @Test
    void answerFieldParsing() {
        SourceLine at = new SourceLine(Path.of("f"), 1);
        assertEquals(List.of("a(b)", "c"), PathQuestionReader.parseAnswerField("c(a(b)/c/)", at));
        assertEquals(List.of("x(1)"), PathQuestionReader.parseAnswerField("x(1)(x(1)/)", at));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> PathQuestionReader.parseAnswerField("z(a/b/)", at));
        assertTrue(e.getMessage().contains("with the answer among the alternatives"), e.getMessage());
        assertThrows(DatasetFormatException.class, () -> PathQuestionReader.parseAnswerField("plain", at));
    }

    @Test
    void badPathQuestionLinesNameFileLineAndExpectation() {
        Path f = Fixtures.write(tmp, "pq.txt", "q1\ta(a/)\ts#r#a\nq2\ta(a/)\ts#r\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PathQuestionReader.read(f));
        assertEquals(2, e.at().line());
        assertTrue(e.getMessage().startsWith(f + ":2: expected a gold path 'e0#r1#e1"), e.getMessage());

        Path g = Fixtures.write(tmp, "pq2.txt", "q1\ta(a/)\n");
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> PathQuestionReader.read(g));
        assertTrue(e2.getMessage().contains(":1: expected 3 tab-separated fields"), e2.getMessage());

        Path h = Fixtures.write(tmp, "pq3.txt", "q1\ta(a/)\ts##a\n");
        DatasetFormatException e3 = assertThrows(DatasetFormatException.class, () -> PathQuestionReader.read(h));
        assertTrue(e3.getMessage().contains("part 2 of gold path 's##a' is empty (expected a relation)"),
                e3.getMessage());
    }

    @Test
    void readsWorldCupIncludingInversesAndConjunctions() {
        List<KgqaExample> wc = WorldCupReader.read(Fixtures.path("irn/wc-mini.txt"));
        assertEquals(3, wc.size());
        assertEquals(RelationPath.parse("plays_in_club"), wc.get(0).goldPath().orElseThrow());
        assertEquals(List.of("north_fc"), wc.get(0).answers());

        KgqaExample inverse = wc.get(1);
        assertEquals(RelationPath.parse("~plays_in_club"), inverse.goldPath().orElseThrow());
        assertEquals(List.of("lena_moss", "tom_reed"), inverse.answers());
        assertEquals(List.of("north_fc"), inverse.topics());

        KgqaExample conj = wc.get(2);
        assertEquals(List.of("sweden", "north_fc"), conj.topics());
        assertEquals(List.of(RelationPath.parse("~nationality"), RelationPath.parse("~plays_in_club")),
                conj.goldPaths());
        assertTrue(conj.goldPath().isEmpty(), "two gold paths: no single one");
        assertEquals("conjunctive", conj.questionType());
        assertEquals(1, conj.hops());
    }

    @Test
    void worldCupFieldCountAndTopicCountAreChecked() {
        Path f = Fixtures.write(tmp, "wc.txt", "q\ta\ts#r#a\ta/\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> WorldCupReader.read(f));
        assertTrue(e.getMessage().contains(":1: expected 5 or 6 tab-separated fields"), e.getMessage());

        Path g = Fixtures.write(tmp, "wc2.txt", "q\ta\ts#r#a*t#p#a\ta/\tctx\ts/\n");
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> WorldCupReader.read(g));
        assertTrue(e2.getMessage().contains("field 6 names 1 topic(s) but the gold path has 2"), e2.getMessage());
    }

    @Test
    void irnKbNormalisesInversesAndDropsDuplicates() {
        List<Triple> kb = KnowledgeBaseReader.irn(Fixtures.path("irn/wc-kb.txt"), true);
        assertEquals(List.of(new Triple("lena_moss", "plays_in_club", "north_fc"),
                new Triple("tom_reed", "plays_in_club", "north_fc"),
                new Triple("lena_moss", "nationality", "sweden")), kb);
        List<Triple> raw = KnowledgeBaseReader.irn(Fixtures.path("irn/wc-kb.txt"), false);
        assertEquals(4, raw.size());
        assertEquals(new Triple("north_fc", "plays_in_club_inverse", "lena_moss"), raw.get(1));
    }

    @Test
    void kbLinesMustHaveThreeFields() {
        List<Triple> meta = KnowledgeBaseReader.metaQa(Fixtures.path("metaqa-mini/kb.txt"));
        assertEquals(14, meta.size());
        assertEquals(new Triple("Moonlit Harbor", "directed_by", "Ada Quill"), meta.get(0));

        Path f = Fixtures.write(tmp, "kb.txt", "a|r|b\na|r\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> KnowledgeBaseReader.metaQa(f));
        assertTrue(e.getMessage().equals(f + ":2: expected 3 fields 'subject|relation|object', found 2"),
                e.getMessage());
        Path g = Fixtures.write(tmp, "kb.tsv", "a\t\tb\n");
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class, () -> KnowledgeBaseReader.irn(g, true));
        assertTrue(e2.getMessage().contains(":1: field 2 of 'subject<TAB>relation<TAB>object' is empty"),
                e2.getMessage());
    }
}
