package dev.ariadne.models.training.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sampling paths from a seeded random graph, wording them, and the file people read them in. */
class GraphQuestionsTest {
    @TempDir
    Path dir;

    /** A random graph of 60 films, people and genres with four relation types, fixed by the seed. */
    static List<Triple> randomGraph(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Triple> out = new ArrayList<>();
        for (int f = 0; f < 60; f++) {
            String film = "Film " + f;
            out.add(new Triple(film, "directed_by", "Person " + rng.nextInt(25)));
            for (int a = 0; a < 1 + rng.nextInt(3); a++) {
                out.add(new Triple(film, "starred_actors", "Person " + rng.nextInt(25)));
            }
            out.add(new Triple(film, "has_genre", "Genre " + rng.nextInt(5)));
            out.add(new Triple(film, "release_year", String.valueOf(1990 + rng.nextInt(10))));
        }
        return out;
    }

    private static GraphQuestions.Result write(List<Triple> triples, long seed, QuestionRewriter rewriter) {
        InMemoryGraph g = InMemoryGraph.of(triples);
        return GraphQuestions.write(triples, g, k -> null, PhraseBook.derived(g.relationCounts().keySet()),
                SyntheticOptions.builder().pathsPerLength(80).questionsPerPath(2).seed(seed).build(), rewriter);
    }

    @Test
    void everyDirectedRelationStartsAPathAndAnswersAreReachedAndNeverTheTopic() {
        long seed = Long.getLong("tests.seed", 7L);
        List<Triple> triples = randomGraph(seed);
        InMemoryGraph g = InMemoryGraph.of(triples);
        GraphQuestions.Result r = write(triples, seed, null);
        Set<DirectedRelation> firsts = new HashSet<>();
        int[] lengths = new int[4];
        for (SyntheticQuestion q : r.questions()) {
            firsts.add(q.path().hop(0));
            lengths[q.path().length()]++;
            assertFalse(q.answers().isEmpty(), q.toString());
            assertFalse(q.answers().contains(q.topic().key()), "the topic answers its own question: " + q);
            Set<String> ends = new HashSet<>();
            for (ReasoningPath p : g.retrieve(q.topic(), q.path(), RetrievalLimits.DEFAULT).paths()) {
                ends.add(p.end().key());
            }
            assertTrue(ends.containsAll(q.answers()), "seed " + seed + ": answers not reached by the path: " + q);
            assertTrue(q.question().contains(q.topic().name()), q.question());
            assertFalse(q.question().contains("{X}") || q.question().contains("["), q.question());
        }
        assertEquals(new HashSet<>(g.directedRelations()), firsts, "seed " + seed);
        assertTrue(lengths[1] > 0 && lengths[2] > 0 && lengths[3] > 0, "seed " + seed + ": lengths " + java.util.Arrays.toString(lengths));
    }

    @Test
    void theSameSeedWritesTheSameQuestions() {
        List<Triple> triples = randomGraph(3);
        assertEquals(write(triples, 11, null).questions(), write(triples, 11, null).questions());
        assertFalse(write(triples, 11, null).questions().equals(write(triples, 12, null).questions()));
    }

    @Test
    void rewritesAreKeptOnlyWhenTheyStillNameTheTopic() {
        List<Triple> triples = randomGraph(5);
        QuestionRewriter rewriter = new QuestionRewriter() {
            @Override
            public List<List<String>> rewrite(List<Request> requests) {
                List<List<String>> out = new ArrayList<>();
                for (Request r : requests) {
                    assertFalse(r.drafts().isEmpty());
                    assertTrue(r.meaning().contains(r.topic()), r.meaning());
                    out.add(List.of("Tell me about " + r.topic().toUpperCase(java.util.Locale.ROOT) + ", please", "a question that lost it"));
                }
                return out;
            }

            @Override
            public Stats stats() {
                return new Stats(1, 0, 0, 0);
            }

            @Override
            public void close() {
            }
        };
        GraphQuestions.Result r = write(triples, 5, rewriter);
        assertEquals(r.paths(), r.rewritten());
        assertEquals(r.paths(), r.droppedRewrites());
        List<SyntheticQuestion> llm = r.questions().stream().filter(q -> q.source().equals(SyntheticQuestion.LLM)).toList();
        assertEquals(r.paths(), llm.size());
        for (SyntheticQuestion q : llm) {
            assertEquals(q.topic().name().toUpperCase(java.util.Locale.ROOT), q.topicMention());
            assertFalse(q.toTrainingExample().maskedQuestion().toLowerCase(java.util.Locale.ROOT)
                    .contains(q.topic().name().toLowerCase(java.util.Locale.ROOT)), "the topic is masked: " + q);
        }
    }

    @Test
    void theQuestionFileRoundTripsAndNamesBadLines() throws IOException {
        GraphQuestions.Result r = write(randomGraph(9), 9, null);
        Path f = dir.resolve("q.jsonl");
        SyntheticQuestionFile.write(f, r.questions());
        List<SyntheticQuestion> back = SyntheticQuestionFile.read(f);
        assertEquals(r.questions().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(r.questions().get(i).question(), back.get(i).question());
            assertEquals(r.questions().get(i).path(), back.get(i).path());
            assertEquals(r.questions().get(i).answers(), back.get(i).answers());
            assertEquals(r.questions().get(i).topic(), back.get(i).topic());
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(2, "{\"question\": \"who directed it\", \"topic\": \"Film 1\", \"path\": \"directed_by\"}");
        Files.write(f, lines);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SyntheticQuestionFile.read(f));
        assertTrue(e.getMessage().startsWith(f + " line 3: the question 'who directed it' does not name its topic 'Film 1'"),
                e.getMessage());
        lines.set(2, "{\"question\": \"who directed Film 1\", \"topic\": \"Film 1\", \"path\": \"directed_by\", \"answer\": []}");
        Files.write(f, lines);
        e = assertThrows(InvalidInputException.class, () -> SyntheticQuestionFile.read(f));
        assertTrue(e.getMessage().contains("line 3: unknown key 'answer'"), e.getMessage());
    }

    @Test
    void namesComeFromTheEntityLookup() {
        List<Triple> triples = List.of(new Triple("m1", "directed_by", "p1"), new Triple("m2", "directed_by", "p1"));
        InMemoryGraph g = InMemoryGraph.of(triples);
        GraphQuestions.Result r = GraphQuestions.write(triples, g, k -> new Entity(k, k.startsWith("m") ? "Movie " + k : "Person " + k),
                PhraseBook.derived(List.of("directed_by")), SyntheticOptions.builder().maxHops(2).pathsPerLength(5).build(), null);
        assertFalse(r.questions().isEmpty());
        for (SyntheticQuestion q : r.questions()) {
            assertTrue(q.topic().name().startsWith("Movie ") || q.topic().name().startsWith("Person "), q.topic().toString());
            assertTrue(q.question().contains(q.topic().name()), q.question());
        }
    }
}
