package dev.ariadne.models.reasoner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathReasonerTest {
    static final InMemoryGraph G = InMemoryGraph.of(List.of(
            new Triple("Harbour Lights", "directed_by", "Ada Quill"),
            new Triple("Harbour Lights", "written_by", "Ben Ore"),
            new Triple("Night Ferry", "directed_by", "Ada Quill"),
            new Triple("Night Ferry", "written_by", "Cleo Vance"),
            new Triple("Night Ferry", "starred_actors", "Dov Marsh"),
            new Triple("Glass Orchard", "written_by", "Ada Quill"),
            new Triple("Glass Orchard", "starred_actors", "Dov Marsh")));

    static PlanEvidence evidence(String topic, String path, double p) {
        Entity t = Entity.named(topic);
        RelationPath rp = RelationPath.parse(path);
        return new PlanEvidence(new Plan(t, rp, p), G.retrieve(t, rp, RetrievalLimits.DEFAULT));
    }

    static List<String> keys(List<ScoredAnswer> answers) {
        List<String> k = new ArrayList<>();
        answers.forEach(a -> k.add(a.entity().key()));
        return k;
    }

    @Test
    void scoresByPlanMassAndCutsAtTheThreshold() {
        PathReasoner r = PathReasoner.builder().threshold(0.5).build();
        List<PlanEvidence> ev = List.of(evidence("Ada Quill", "~directed_by", 0.7), evidence("Ada Quill", "~written_by", 0.2));
        List<ScoredAnswer> a = r.reason(List.of(Entity.named("Ada Quill")), ev);
        assertEquals(List.of("Harbour Lights", "Night Ferry"), keys(a), "Glass Orchard (0.2 < 0.5 * 0.7) is cut");
        assertEquals(0.7, a.get(0).score(), 1e-9);
        PathReasoner loose = PathReasoner.builder().threshold(0.1).build();
        assertEquals(List.of("Harbour Lights", "Night Ferry", "Glass Orchard"), keys(loose.reason(List.of(Entity.named("Ada Quill")), ev)));
    }

    @Test
    void aPlanCountsOncePerAnswerAndMassesAdd() {
        PathReasoner r = PathReasoner.builder().threshold(1.0).build();
        // Dov Marsh is reached by two paths of one plan (via two films): counted once
        List<ScoredAnswer> a = r.reason(List.of(Entity.named("Ada Quill")), List.of(
                evidence("Ada Quill", "~directed_by,starred_actors", 0.4), evidence("Ada Quill", "~written_by,starred_actors", 0.3)));
        assertEquals(List.of("Dov Marsh"), keys(a));
        assertEquals(0.7, a.get(0).score(), 1e-9);
        assertEquals(2, a.get(0).supportingPaths().size());
    }

    @Test
    void answersReachedFromMoreTopicsRankFirst() {
        PathReasoner r = PathReasoner.builder().threshold(0.01).build();
        List<ScoredAnswer> a = r.reason(List.of(Entity.named("Ada Quill"), Entity.named("Dov Marsh")), List.of(
                evidence("Ada Quill", "~directed_by", 0.9), evidence("Dov Marsh", "~starred_actors", 0.5)));
        // Night Ferry is reached from both topics; Harbour Lights / Glass Orchard from one each
        assertEquals("Night Ferry", a.get(0).entity().key());
        assertEquals(2, a.get(0).supportingTopics().size());
        assertEquals(1, a.size(), "answers reached from fewer topics than the best are not chosen");
    }

    @Test
    void everyAnswerIsFaithfulAndRankingIsDeterministic() {
        PathReasoner r = PathReasoner.builder().threshold(0.05).build();
        List<PlanEvidence> ev = List.of(evidence("Night Ferry", "directed_by,~directed_by", 0.5),
                evidence("Night Ferry", "starred_actors,~starred_actors", 0.5), evidence("Night Ferry", "written_by", 0.2));
        List<ScoredAnswer> a = r.reason(List.of(Entity.named("Night Ferry")), ev);
        assertEquals(List.of("Glass Orchard", "Harbour Lights", "Cleo Vance"), keys(a), "ties broken by key");
        for (ScoredAnswer s : a) {
            assertTrue(!s.supportingPaths().isEmpty());
            for (ReasoningPath p : s.supportingPaths()) {
                assertEquals(s.entity(), p.end());
                assertEquals("Night Ferry", p.start().key());
            }
        }
        List<PlanEvidence> shuffled = List.of(ev.get(2), ev.get(1), ev.get(0));
        assertEquals(keys(a), keys(r.reason(List.of(Entity.named("Night Ferry")), shuffled)));
    }

    @Test
    void rendersOneLine() {
        PathReasoner r = PathReasoner.builder().build();
        List<ScoredAnswer> a = r.reason(List.of(Entity.named("Ada Quill")), List.of(evidence("Ada Quill", "~directed_by", 0.9)));
        String line = r.render(a);
        assertEquals("Harbour Lights and Night Ferry (via Ada Quill -> ~directed_by -> Harbour Lights; confidence 0.90)", line);
        assertTrue(r.render(List.of()).startsWith("No answer"));
        assertTrue(r.reason(List.of(Entity.named("Ada Quill")), List.of()).isEmpty());
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> PathReasoner.builder().threshold(0));
        assertThrows(IllegalArgumentException.class, () -> PathReasoner.builder().threshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> PathReasoner.builder().maxSupportingPaths(0));
    }
}
