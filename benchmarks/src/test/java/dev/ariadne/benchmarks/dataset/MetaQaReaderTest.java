package dev.ariadne.benchmarks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaQaReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsQuestionsTopicsAnswersAndGoldPathsFromTypeChains() {
        MetaQaDataset data = new MetaQaDataset(Fixtures.path("metaqa-mini"));
        List<KgqaExample> all = data.read(SplitName.of("dev"), List.of(1, 2));
        assertEquals(6, all.size());

        KgqaExample first = all.get(0);
        assertEquals("metaqa-1hop-dev-1", first.id());
        assertEquals("who directed [Moonlit Harbor]", first.question());
        assertEquals("who directed Moonlit Harbor", first.plainQuestion());
        assertEquals(List.of("Moonlit Harbor"), first.topics());
        assertEquals(List.of("Ada Quill"), first.answers());
        assertEquals(Optional.of(RelationPath.parse("directed_by")), first.goldPath());
        assertEquals("movie_to_director", first.questionType());
        assertEquals(1, first.hops());
        assertEquals(1, first.source().line());

        KgqaExample second = all.get(1);
        assertEquals(List.of("Moonlit Harbor", "Glass River"), second.answers());
        assertEquals(RelationPath.parse("~directed_by"), second.goldPath().orElseThrow());

        KgqaExample twoHop = all.get(4);
        assertEquals(2, twoHop.hops());
        assertEquals("actor_to_movie_to_director", twoHop.questionType());
        assertEquals(RelationPath.parse("~starred_actors,directed_by"), twoHop.goldPath().orElseThrow());
        assertEquals(RelationPath.parse("~directed_by,release_year"), all.get(5).goldPath().orElseThrow());
    }

    @Test
    void readsASplitWithoutTypeFileSuchAsTest() {
        MetaQaDataset data = new MetaQaDataset(Fixtures.path("metaqa-mini"));
        List<KgqaExample> test = data.read(SplitName.of("test"), List.of(1));
        assertEquals(2, test.size());
        assertTrue(test.get(0).goldPaths().isEmpty());
        assertEquals("", test.get(0).questionType());
        assertEquals(List.of("space"), test.get(1).topics());
        assertEquals("metaqa-1hop-test-2", test.get(1).id());
    }

    @Test
    void aMissingSplitFileNamesTheExpectedPath() {
        MetaQaDataset data = new MetaQaDataset(Fixtures.path("metaqa-mini"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> data.read(SplitName.of("test"), List.of(2)));
        assertTrue(e.getMessage().contains("2-hop/qa_test.txt"), e.getMessage());
    }

    @Test
    void devTrainAndDevHoldoutPartitionDev() {
        MetaQaDataset data = new MetaQaDataset(Fixtures.path("metaqa-mini"));
        List<KgqaExample> dev = data.read(SplitName.of("dev"), List.of(1, 2));
        List<KgqaExample> train = data.read(SplitName.of("dev-train"), List.of(1, 2));
        List<KgqaExample> holdout = data.read(SplitName.of("dev-holdout"), List.of(1, 2));
        assertEquals(dev.size(), train.size() + holdout.size());
        for (KgqaExample e : holdout) {
            assertTrue(train.stream().noneMatch(t -> t.id().equals(e.id())));
        }
    }

    @Test
    void aLineWithoutTabSaysFileLineAndExpectedFormat() {
        Path q = Fixtures.write(tmp, "qa.txt", "who directed [A]\tB\nwho wrote [C] C-writer\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.empty(), 1, "x"));
        assertEquals(2, e.at().line());
        assertTrue(e.getMessage().startsWith(q + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2 tab-separated fields"), e.getMessage());
    }

    @Test
    void aQuestionWithoutBracketedTopicIsRejected() {
        Path q = Fixtures.write(tmp, "qa.txt", "who directed A\tB\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.empty(), 1, "x"));
        assertTrue(e.getMessage().contains(":1: expected the topic entity in [brackets]"), e.getMessage());
    }

    @Test
    void anEmptyAnswerIsRejected() {
        Path q = Fixtures.write(tmp, "qa.txt", "who directed [A]\tB||C\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.empty(), 1, "x"));
        assertTrue(e.getMessage().contains("answer 2 of 3 is empty"), e.getMessage());
    }

    @Test
    void typeFileProblemsAreReportedAgainstTheTypeFile() {
        Path q = Fixtures.write(tmp, "qa.txt", "who directed [A]\tB\nwho wrote [C]\tD\n");
        Path shortTypes = Fixtures.write(tmp, "short_qtype.txt", "movie_to_director\n");
        DatasetFormatException e1 = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.of(shortTypes), 1, "x"));
        assertTrue(e1.getMessage().contains("the type file has 1 lines but"), e1.getMessage());

        Path unknown = Fixtures.write(tmp, "unknown_qtype.txt", "movie_to_director\nmovie_to_budget\n");
        DatasetFormatException e2 = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.of(unknown), 1, "x"));
        assertEquals(unknown, e2.at().file());
        assertEquals(2, e2.at().line());
        assertTrue(e2.getMessage().contains("unknown entity type 'budget'"), e2.getMessage());

        Path wrongHops = Fixtures.write(tmp, "hops_qtype.txt", "movie_to_director\nmovie_to_writer_to_movie\n");
        DatasetFormatException e3 = assertThrows(DatasetFormatException.class,
                () -> MetaQaReader.read(q, Optional.of(wrongHops), 1, "x"));
        assertTrue(e3.getMessage().contains("has 2 hops but the file sits in the 1-hop folder"), e3.getMessage());
    }

    @Test
    void blankLinesAreSkippedButKeepLineNumbers() {
        Path q = Fixtures.write(tmp, "qa.txt", "who directed [A]\tB\n\nwho wrote [C]\tD\n");
        List<KgqaExample> read = MetaQaReader.read(q, Optional.empty(), 1, "x");
        assertEquals(2, read.size());
        assertEquals(3, read.get(1).source().line());
    }
}
