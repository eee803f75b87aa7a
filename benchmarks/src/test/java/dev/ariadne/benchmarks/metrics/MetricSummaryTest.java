package dev.ariadne.benchmarks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.SourceLine;
import dev.ariadne.core.graph.RelationPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricSummaryTest {
    private static KgqaExample ex(int line, int hops, String type, String gold, String... answers) {
        return new KgqaExample("q" + line, "q", List.of("t"), List.of(answers),
                gold == null ? List.of() : List.of(RelationPath.parse(gold)), hops, type,
                new SourceLine(Path.of("f"), line), "k" + line);
    }

    private static QuestionTimings ms(long total) {
        return new QuestionTimings(1_000_000, 2_000_000, 3_000_000, 4_000_000, total * 1_000_000);
    }

    /**
     * Four questions, computed by hand:
     * q1 (1-hop): returns [A] (backed), gold {A}, top plan r = gold, 1 valid plan.
     * q2 (1-hop): returns [B (backed), C (not backed)], gold {C}, top plan s != gold r, plans: s valid, t invalid.
     * q3 (2-hop): returns nothing, gold {D}, one invalid plan.
     * q4 (2-hop): failed.
     */
    private static List<QuestionScore> scores() {
        QuestionOutcome q1 = new QuestionOutcome(ex(1, 1, "x_to_y", "r", "A"),
                List.of(new ReturnedAnswer("A", "A", true)),
                List.of(new PlanOutcome(RelationPath.parse("r"), true)), ms(10), Optional.empty());
        QuestionOutcome q2 = new QuestionOutcome(ex(2, 1, "x_to_y", "r", "C"),
                List.of(new ReturnedAnswer("B", "B", true), new ReturnedAnswer("C", "C", false)),
                List.of(new PlanOutcome(RelationPath.parse("s"), true), new PlanOutcome(RelationPath.parse("t"), false)),
                ms(20), Optional.empty());
        QuestionOutcome q3 = new QuestionOutcome(ex(3, 2, "x_to_y_to_z", "r,s", "D"), List.of(),
                List.of(new PlanOutcome(RelationPath.parse("r,s"), false)), ms(30), Optional.empty());
        QuestionOutcome q4 = QuestionOutcome.failed(ex(4, 2, "x_to_y_to_z", null, "E"), "boom", QuestionTimings.NONE);
        return List.of(q1, q2, q3, q4).stream().map(QuestionScore::of).toList();
    }

    @Test
    void overallFiguresMatchHandComputation() {
        MetricSummary s = MetricSummary.of(scores());
        assertEquals(4, s.questions());
        assertEquals(0.25, s.byKey().hits1(), 1e-12);          // only q1
        assertEquals(0.5, s.byKey().hit(), 1e-12);             // q1, q2
        assertEquals((1 + 0.5) / 4, s.byKey().precision(), 1e-12);
        assertEquals((1 + 1) / 4.0, s.byKey().recall(), 1e-12);
        assertEquals((1 + 2.0 / 3) / 4, s.byKey().f1(), 1e-12); // q2: P=.5, R=1 -> F1=2/3
        assertEquals(0.25, s.byKey().exactMatch(), 1e-12);
        assertEquals(3, s.withGoldPath());                      // q4 has none
        assertEquals(2.0 / 3, s.pathAccuracy().getAsDouble(), 1e-12); // q1 and q3 right, q2 wrong
        assertEquals(4, s.plans());
        assertEquals(0.5, s.invalidPlanRate().getAsDouble(), 1e-12);  // t and q3's plan
        assertEquals(0.5, s.emptyAnswerRate(), 1e-12);                // q3 and the failed q4
        assertEquals(3, s.answersReturned());
        assertEquals(2.0 / 3, s.faithfulness().getAsDouble(), 1e-12);
        assertEquals(1, s.failed());
    }

    @Test
    void breakdownGroupsByHopAndType() {
        Breakdown b = Breakdown.of(scores());
        assertEquals(List.of(1, 2), List.copyOf(b.byHop().keySet()));
        assertEquals(0.5, b.byHop().get(1).byKey().hits1(), 1e-12);
        assertEquals(0.0, b.byHop().get(2).byKey().hits1(), 1e-12);
        assertEquals(2, b.byType().get("x_to_y_to_z").questions());
        assertFalse(b.byHop().get(2).faithfulness().isPresent(), "nothing returned at 2 hops");
        assertTrue(b.byHop().get(1).pathAccuracy().isPresent());
    }

    @Test
    void timingSkipsFailedQuestions() {
        TimingReport t = TimingReport.of(scores(), 2, 4_000_000_000L);
        assertEquals(3, t.latency().get(Stage.END_TO_END).count());
        assertEquals(20.0, t.latency().get(Stage.END_TO_END).p50Ms(), 1e-9);
        assertEquals(30.0, t.latency().get(Stage.END_TO_END).p99Ms(), 1e-9);
        assertEquals(3.0, t.latency().get(Stage.RETRIEVAL).meanMs(), 1e-9);
        assertEquals(1.0, t.questionsPerSecond(), 1e-12);       // 4 questions in 4 s
    }
}
