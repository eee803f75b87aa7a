package dev.ariadne.benchmarks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScoresTest {
    private static final double EPS = 1e-12;

    private static ReturnedAnswer a(String key) {
        return new ReturnedAnswer(key, key, true);
    }

    @Test
    void strictHits1LooksOnlyAtTheTopAnswerWhileHitLooksAtAll() {
        // gold {A, B}; returned [C, A]: top is wrong, one of two distinct answers is gold.
        AnswerScores s = AnswerScores.score(List.of(a("C"), a("A")), List.of("A", "B"), MatchMode.KEY);
        assertEquals(0.0, s.hits1());
        assertEquals(1.0, s.hit());
        assertEquals(0.5, s.precision(), EPS);      // 1 of 2 returned
        assertEquals(0.5, s.recall(), EPS);         // 1 of 2 gold
        assertEquals(0.5, s.f1(), EPS);             // 2*.5*.5/(.5+.5)
        assertEquals(0.0, s.exactMatch());
    }

    @Test
    void exactSetScoresOneEverywhere() {
        AnswerScores s = AnswerScores.score(List.of(a("B"), a("A"), a("A")), List.of("A", "B"), MatchMode.KEY);
        assertEquals(new AnswerScores(1, 1, 1, 1, 1, 1), s);
    }

    @Test
    void unevenPrecisionAndRecall() {
        // gold {A,B,C}; returned [A, D, E, F]: P = 1/4, R = 1/3, F1 = 2*(1/12)/(7/12) = 2/7.
        AnswerScores s = AnswerScores.score(List.of(a("A"), a("D"), a("E"), a("F")), List.of("A", "B", "C"),
                MatchMode.KEY);
        assertEquals(1.0, s.hits1());
        assertEquals(0.25, s.precision(), EPS);
        assertEquals(1.0 / 3, s.recall(), EPS);
        assertEquals(2.0 / 7, s.f1(), EPS);
    }

    @Test
    void emptyAnswerScoresZero() {
        assertEquals(AnswerScores.ZERO, AnswerScores.score(List.of(), List.of("A"), MatchMode.KEY));
    }

    @Test
    void nameMatchingIgnoresCaseButKeyMatchingDoesNot() {
        List<ReturnedAnswer> returned = List.of(new ReturnedAnswer("m42", "The Godfather", true));
        List<String> gold = List.of("the godfather");
        assertEquals(0.0, AnswerScores.score(returned, gold, MatchMode.KEY).hits1());
        assertEquals(1.0, AnswerScores.score(returned, gold, MatchMode.NAME_IGNORE_CASE).hits1());
    }

    @Test
    void meanAveragesEachMetric() {
        AnswerScores m = AnswerScores.mean(List.of(new AnswerScores(1, 1, 1, 1, 1, 1),
                new AnswerScores(0, 1, 0.5, 0.25, 0.2, 0)));
        assertEquals(new AnswerScores(0.5, 1, 0.75, 0.625, 0.6, 0.5), m);
        assertEquals(AnswerScores.ZERO, AnswerScores.mean(List.of()));
    }
}
