package dev.ariadne.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The automatic labelled weight: labelled questions about a tenth of what the trainer sees, within 1..1000. */
class GraphTrainingWeightTest {
    @Test
    void aFewLabelledQuestionsCountManyTimesAndManyCountOnce() {
        assertEquals(35, GraphTraining.autoWeight(36_000, 102));
        assertEquals(4, GraphTraining.autoWeight(36_000, 1_002));
        assertEquals(1, GraphTraining.autoWeight(36_000, 50_000));
        assertEquals(1000, GraphTraining.autoWeight(36_000_000, 1));
        assertEquals(1, GraphTraining.autoWeight(36_000, 0));
    }
}
