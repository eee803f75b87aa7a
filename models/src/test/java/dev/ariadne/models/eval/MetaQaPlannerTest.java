package dev.ariadne.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.reasoner.PathReasoner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Trains on 1,500 MetaQA dev questions (Zhang et al., AAAI 2018; CC BY 3.0) of the random 80% split and
 * checks path accuracy, plan validity and answer faithfulness on 1,000 held-out questions. Skips without
 * ../shared/datasets/metaqa.
 */
@Tag("slow")
class MetaQaPlannerTest {
    @Test
    void trainsOnASubsetAndPlansHeldOutQuestions() {
        Path data = MetaQa.locate();
        Assumptions.assumeTrue(data != null, "skipped: ../shared/datasets/metaqa not found");
        InMemoryGraph graph = InMemoryGraph.readPipeSeparated(data.resolve("kb.txt"));
        List<MetaQa.Question> all = MetaQa.readAll(data);
        assertEquals(39_138, all.size());
        List<TrainingExample> train = new ArrayList<>();
        List<MetaQa.Question> test = new ArrayList<>();
        for (MetaQa.Question q : all) {
            if (q.bucket() < 80 && q.bucket() % 20 == 0 && train.size() < 1500) {
                train.add(q.example(true));
            } else if (q.bucket() >= 80 && q.bucket() % 7 == 0 && test.size() < 1000) {
                test.add(q);
            }
        }
        try (TextEncoder encoder = TextEncoders.builder().threads(2).build()) {
            TrainedPlanner trained = PlannerTrainer.train(train, graph, graph, encoder,
                    TrainingOptions.builder().threads(2).build());
            PathPlanner planner = PathPlanner.builder().encoder(encoder).model(trained).build();
            PathReasoner reasoner = PathReasoner.builder().build();
            List<PlanningRequest> reqs = new ArrayList<>();
            for (MetaQa.Question q : test) {
                reqs.add(new PlanningRequest(q.text(), Entity.named(q.topicMention()), q.topicMention(), 3, 3));
            }
            List<List<Plan>> plans = planner.planAll(reqs, graph);
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                List<Plan> ps = plans.get(i);
                assertFalse(ps.isEmpty());
                if (ps.get(0).path().equals(test.get(i).goldPath())) {
                    correct++;
                }
                List<PlanEvidence> ev = new ArrayList<>();
                for (Plan p : ps) {
                    var r = graph.retrieve(p.topic(), p.path(), RetrievalLimits.DEFAULT.withKeepTopic(true));
                    assertFalse(r.isEmpty(), "invalid plan " + p.path() + " for " + test.get(i).text());
                    ev.add(new PlanEvidence(p, graph.retrieve(p.topic(), p.path(), RetrievalLimits.DEFAULT)));
                }
                for (ScoredAnswer a : reasoner.reason(List.of(Entity.named(test.get(i).topicMention())), ev)) {
                    for (ReasoningPath rp : a.supportingPaths()) {
                        assertEquals(a.entity(), rp.end());
                    }
                }
            }
            double accuracy = correct / (double) test.size();
            assertTrue(accuracy >= 0.97, "path accuracy " + accuracy + " on " + test.size() + " held-out questions");
        }
    }
}
