package dev.ariadne.engine.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.Triple;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerReachabilityTest {
    private final AnswerReachability reach = new AnswerReachability(List.of(
            new Triple("Film A", "directed_by", "Ada"), new Triple("Film A", "in_language", "Norvanese"),
            new Triple("Film B", "directed_by", "Ada"), new Triple("Film C", "directed_by", "Bo")));

    @Test
    void answersWithinTheHopsInEitherDirectionAreReached() {
        assertTrue(reach.reachable("Ada", Set.of("Film A"), 1));
        assertTrue(reach.reachable("Ada", Set.of("Norvanese"), 2));
        assertFalse(reach.reachable("Ada", Set.of("Norvanese"), 1));
    }

    @Test
    void otherComponentsUnknownAnswersAndTheTopicItselfAreNotReached() {
        assertFalse(reach.reachable("Ada", Set.of("Bo"), 6));
        assertFalse(reach.reachable("Ada", Set.of("Nobody"), 6));
        assertFalse(reach.reachable("Ada", Set.of("Ada"), 6));
        assertFalse(reach.reachable("Nobody", Set.of("Ada"), 6));
    }
}
