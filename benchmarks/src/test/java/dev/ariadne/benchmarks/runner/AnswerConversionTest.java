package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.SourceLine;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.ScoredAnswer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerConversionTest {
    private final Entity film = Entity.named("Glass River");
    private final Entity ada = Entity.named("Ada Quill");
    private final Entity eli = Entity.named("Eli Stone");
    private final RelationPath directedBy = RelationPath.parse("directed_by");
    private final RelationPath writtenBy = RelationPath.parse("written_by");

    @Test
    void answersArePlansAreOrderedAndFaithfulnessIsCheckedAgainstRetrievedPaths() {
        ReasoningPath toAda = new ReasoningPath(List.of(film, ada), directedBy);
        ReasoningPath toEli = new ReasoningPath(List.of(film, eli), writtenBy);
        TracedRetrieval weak = new TracedRetrieval(new Plan(film, writtenBy, 0.1), null, List.of(), 0, 0, false, 1);
        TracedRetrieval strong = new TracedRetrieval(new Plan(film, directedBy, 0.8), null, List.of(toAda), 1, 0, false, 1);
        // Eli's supporting path was never retrieved: the conversion must not call it backed.
        List<ScoredAnswer> answers = List.of(new ScoredAnswer(ada, 0.9, List.of(toAda), Set.of(film)),
                new ScoredAnswer(eli, 0.1, List.of(toEli), Set.of(film)));
        Trace trace = new Trace("who directed [Glass River]", List.of(), List.of(TopicLink.given(film)),
                List.of(weak, strong), answers, null);
        Answer answer = Answer.of(trace, new StageTimings(10, 20, 30, 40, 100));
        KgqaExample ex = new KgqaExample("q", trace.question(), List.of("Glass River"), List.of("Ada Quill"),
                List.of(directedBy), 1, "movie_to_director", new SourceLine(Path.of("f"), 1), "k");

        QuestionOutcome o = AnswerConversion.toOutcome(ex, answer);
        assertEquals("Ada Quill", o.answers().get(0).key());
        assertTrue(o.answers().get(0).backedByPath());
        assertFalse(o.answers().get(1).backedByPath());
        assertEquals(directedBy, o.plans().get(0).path(), "the most probable plan comes first");
        assertTrue(o.plans().get(0).foundInGraph());
        assertFalse(o.plans().get(1).foundInGraph());
        assertEquals(30_000, o.timings().retrievalNanos());
        assertEquals(100_000, o.timings().totalNanos());
    }
}
