package dev.ariadne.models.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.models.fixtures.FilmWorld;
import dev.ariadne.models.fixtures.HashingEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PathPlannerTest {
    static final FilmWorld WORLD = new FilmWorld();
    static final HashingEncoder ENCODER = new HashingEncoder(256);

    static PlanningRequest request(String question, String topic, int topK, int hops) {
        return new PlanningRequest(question, Entity.named(topic), topic, topK, hops);
    }

    @Test
    void zeroShotPlansAreAllNonEmptyInTheGraph() {
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).beamWidth(4).build();
        assertTrue(planner.isZeroShot());
        int checked = 0;
        for (String topic : List.of("Film A", "Film B", "Ada Quill", "Noir", "1993", "Max Vale")) {
            for (String q : List.of("who directed [" + topic + "]", "what genre are the films starring [" + topic + "]",
                    "which films share a writer with [" + topic + "]")) {
                List<Plan> plans = planner.plan(request(q, topic, 20, 3), WORLD.graph);
                assertFalse(plans.isEmpty(), q);
                for (Plan p : plans) {
                    assertTrue(p.path().length() >= 1 && p.path().length() <= 3);
                    assertFalse(WORLD.graph.retrieve(p.topic(), p.path(), RetrievalLimits.DEFAULT.withKeepTopic(true)).isEmpty(),
                            "invalid plan " + p.path() + " for " + topic);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void probabilitiesAreSortedAndSumToAtMostOne() {
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).build();
        List<Plan> plans = planner.plan(request("who directed [Film C]", "Film C", 10, 2), WORLD.graph);
        assertEquals(10, plans.size());
        double sum = 0;
        for (int i = 0; i < plans.size(); i++) {
            sum += plans.get(i).probability();
            if (i > 0) {
                assertTrue(plans.get(i - 1).probability() >= plans.get(i).probability());
            }
        }
        assertTrue(sum <= 1 + 1e-9, "sum " + sum);
        assertEquals("directed_by", plans.get(0).path().format(), "cosine alone finds the obvious one-hop plan");
    }

    @Test
    void growsOnlyAlongTheConstraintAndRespectsMaxHops() {
        AtomicInteger calls = new AtomicInteger();
        List<RelationPath> asked = new ArrayList<>();
        GraphConstraint spy = (topic, prefix) -> {
            calls.incrementAndGet();
            asked.add(prefix);
            return WORLD.graph.nextRelations(topic, prefix);
        };
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).beamWidth(2).build();
        List<Plan> plans = planner.plan(request("who wrote the films directed by [Ada Quill]", "Ada Quill", 50, 2), spy);
        // 1 call for the topic, at most beamWidth for the second hop: never an enumeration of all paths
        assertTrue(calls.get() <= 3, "constraint calls " + calls.get());
        for (Plan p : plans) {
            assertTrue(p.path().length() <= 2);
            assertTrue(asked.contains(p.path().prefix(p.path().length() - 1)));
        }
    }

    @Test
    void noRelationsMeansNoPlans() {
        GraphConstraint empty = (topic, prefix) -> List.<RelationFrontier>of();
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).build();
        assertTrue(planner.plan(request("who directed [Nobody]", "Nobody", 3, 3), empty).isEmpty());
    }

    @Test
    void planAllBatchesTheEncoderAndAgreesWithPlan() {
        HashingEncoder counting = new HashingEncoder(256);
        PathPlanner planner = PathPlanner.builder().encoder(counting).build();
        List<PlanningRequest> reqs = List.of(request("who directed [Film A]", "Film A", 3, 2),
                request("what did [Ada Quill] write", "Ada Quill", 3, 2));
        List<List<Plan>> all = planner.planAll(reqs, WORLD.graph);
        for (int i = 0; i < reqs.size(); i++) {
            assertEquals(planner.plan(reqs.get(i), WORLD.graph), all.get(i));
        }
    }

    @Test
    void builderRejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> PathPlanner.builder().beamWidth(0));
        assertThrows(IllegalArgumentException.class, () -> PathPlanner.builder().maxHops(0));
        assertThrows(IllegalArgumentException.class, () -> PathPlanner.builder().zeroShotTemperature(-1));
        assertThrows(IllegalStateException.class, () -> PathPlanner.builder().build());
    }
}
