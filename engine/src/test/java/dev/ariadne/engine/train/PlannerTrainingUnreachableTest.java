package dev.ariadne.engine.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.models.training.TrainingOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questions whose answers no path of at most maxHops reaches are left out, and none usable is an error. */
class PlannerTrainingUnreachableTest {
    private static final List<Triple> TRIPLES = List.of(new Triple("Film A", "directed_by", "Ada"),
            new Triple("Film A", "in_language", "Norvanese"), new Triple("Film C", "directed_by", "Bo"));
    private static final List<Entity> ENTITIES = List.of(Entity.named("Film A"), Entity.named("Ada"),
            Entity.named("Norvanese"), Entity.named("Film C"), Entity.named("Bo"));

    @Test
    void onlyUnreachableQuestionsFailBeforeAnyTraining() {
        List<QaFile.QaLine> lines = List.of(
                new QaFile.QaLine(1, "who directed [Film A]", Set.of("Bo"), null),
                new QaFile.QaLine(2, "what language is [Film C] in", Set.of("Norvanese"), RelationPath.parse("directed_by")));
        // the encoder is never reached: the failure comes before training starts
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlannerTraining.train(lines, "qa.txt",
                TRIPLES, ENTITIES, null, TrainingOptions.builder().maxHops(2).build()));
        assertTrue(e.getMessage().startsWith("qa.txt: no usable question (0 could not be linked to the graph, "
                + "2 have no answer within 2 hops of their topic); first problem: qa.txt line 1: no answer (Bo) within 2 hops"),
                e.getMessage());
    }

    @Test
    void aGoldPathThatMissesTheAnswersIsUnreachable() {
        List<QaFile.QaLine> lines = List.of(
                new QaFile.QaLine(7, "what language is [Film A] in", Set.of("Norvanese"), RelationPath.parse("directed_by")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlannerTraining.train(lines, "qa.txt",
                TRIPLES, ENTITIES, null, TrainingOptions.builder().build()));
        assertTrue(e.getMessage().contains("qa.txt line 7: the gold path directed_by from topic 'Film A' reaches none of its answers"),
                e.getMessage());
    }
}
