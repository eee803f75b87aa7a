package dev.ariadne.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.core.graph.Entity;
import org.junit.jupiter.api.Test;

class PlanningRequestTest {
    @Test
    void masksBracketedMention() {
        assertEquals("who directed the films starred by X",
                PlanningRequest.mask("who directed the films starred by [Marlene Dietrich]", "Marlene Dietrich"));
    }

    @Test
    void masksUnbracketedMentionIgnoringCase() {
        assertEquals("what films did X write", PlanningRequest.mask("what films did edward knoblock write",
                "Edward Knoblock"));
    }

    @Test
    void masksOnlyTheFirstOccurrenceAndDropsOtherBrackets() {
        assertEquals("X and Big", PlanningRequest.mask("[Big] and [Big]", "Big"));
    }

    @Test
    void leavesQuestionWhenMentionAbsentOrBlank() {
        assertEquals("who wrote it", PlanningRequest.mask("who wrote [it] ", "nobody"));
        assertEquals("who wrote it", PlanningRequest.mask("who wrote [it]", "  "));
        assertEquals("who wrote it", PlanningRequest.mask("who wrote [it]", null));
    }

    @Test
    void masksWhenLowerCasingChangesLength() {
        // 'İ' lower-cases to two chars in the root locale; the mask must still cut the mention exactly.
        assertEquals("İİ X rest", PlanningRequest.mask("İİ Love rest", "love"));
    }

    @Test
    void maskedQuestionFallsBackToTopicName() {
        Entity topic = Entity.named("Kismet");
        assertEquals("who directed X", new PlanningRequest("who directed [Kismet]", topic, null, 3, 2).maskedQuestion());
        assertEquals("who directed X", new PlanningRequest("who directed the kismet film", topic, "the kismet film", 3, 2)
                .maskedQuestion());
    }

    @Test
    void rejectsBadValues() {
        Entity topic = Entity.named("Kismet");
        assertThrows(IllegalArgumentException.class, () -> new PlanningRequest("q", topic, null, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new PlanningRequest("q", topic, null, 1, 0));
        assertThrows(NullPointerException.class, () -> new PlanningRequest(null, topic, null, 1, 1));
        assertThrows(NullPointerException.class, () -> new PlanningRequest("q", null, null, 1, 1));
    }
}
