package dev.ariadne.engine.trace;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.NoAnswer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.MatchKind;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.ExecutedQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made traces over the quickstart's invented films. */
final class TraceFixtures {
    static final Entity PETRA = Entity.named("Petra Vossberg");
    static final Entity ORCHARD = Entity.named("The Glass Orchard");
    static final Entity DAUGHTER = Entity.named("The Cartographer's Daughter");
    static final Entity NORVANESE = Entity.named("Norvanese");
    static final Entity ODD = new Entity("q\"1", "Quote \"and\" <angle> & # back\\slash");

    private TraceFixtures() {
    }

    static Trace answered() {
        RelationPath path = RelationPath.parse("~directed_by,in_language");
        ReasoningPath p1 = new ReasoningPath(List.of(PETRA, ORCHARD, NORVANESE), path);
        ReasoningPath p2 = new ReasoningPath(List.of(PETRA, DAUGHTER, NORVANESE), path);
        ReasoningPath p3 = new ReasoningPath(List.of(PETRA, DAUGHTER, ODD), path);
        Plan plan = new Plan(PETRA, path, 0.9);
        Plan other = new Plan(PETRA, RelationPath.parse("~written_by,in_language"), 0.05);
        ExecutedQuery q = new ExecutedQuery("cypher", "CALL ariadne.expand($topic, $path, {maxPaths: $maxPaths})",
                Map.of("topic", "Petra Vossberg", "path", List.of("~directed_by", "in_language"), "maxPaths", 1000L));
        TracedRetrieval r1 = new TracedRetrieval(plan, q, List.of(p1, p2, p3), 3, 0, false, 2);
        TracedRetrieval r2 = new TracedRetrieval(other, null, List.of(p1), 120, 7, true, 1);
        EntityCandidate c = new EntityCandidate(PETRA, MatchKind.EXACT_NAME, 1.0);
        TopicLink topic = new TopicLink("Petra Vossberg", 42, 56, LinkSource.BRACKETED, PETRA, List.of(c));
        MentionCandidates mention = new MentionCandidates("Petra Vossberg", 42, 56, List.of(c));
        ScoredAnswer a1 = new ScoredAnswer(NORVANESE, 0.95, List.of(p1, p2), Set.of(PETRA));
        ScoredAnswer a2 = new ScoredAnswer(ODD, 0.31, List.of(p3), Set.of(PETRA));
        return new Trace("what languages are the films directed by [Petra Vossberg] in", List.of(mention), List.of(topic),
                List.of(r1, r2), List.of(a1, a2), null);
    }

    static Trace unanswered() {
        TopicLink topic = TopicLink.given(PETRA);
        Plan plan = new Plan(PETRA, RelationPath.parse("~directed_by,has_genre"), 0.7);
        TracedRetrieval r = new TracedRetrieval(plan, null, List.of(), 0, 0, false, 1);
        return new Trace("what genres did [Petra Vossberg] direct", List.of(), List.of(topic), List.of(r), List.of(),
                new NoAnswer(NoAnswer.Reason.NO_PATHS, "none of the 1 plans reached an entity other than the topic"));
    }

    static Answer answer(Trace t) {
        return Answer.of(t, new StageTimings(120, 900, 2100, 40, 3300));
    }
}
