package dev.ariadne.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectedRelationTest {
    @Test
    void parsesForwardAndBackward() {
        assertEquals(DirectedRelation.forward("directed_by"), DirectedRelation.parse("directed_by"));
        assertEquals(DirectedRelation.backward("directed_by"), DirectedRelation.parse("~directed_by"));
        assertEquals(DirectedRelation.backward("directed_by"), DirectedRelation.parse("  ~ directed_by "));
    }

    @Test
    void formatsAsTextForm() {
        assertEquals("directed_by", DirectedRelation.forward("directed_by").format());
        assertEquals("~directed_by", DirectedRelation.backward("directed_by").format());
        assertEquals("~directed_by", DirectedRelation.backward("directed_by").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"people.person.nationality", "__music__album__artist", "has`tick", "it's \"quoted\"",
            "with inner space", "ünïcødé", "a-b", "a>b", "x~y", "-", ">"})
    void acceptsFreebaseStyleAndOddButLegalTypes(String type) {
        assertNull(DirectedRelation.typeProblem(type));
        assertEquals(type, DirectedRelation.parse(type).type());
        assertEquals(DirectedRelation.backward(type), DirectedRelation.parse("~" + type));
    }

    @Test
    void typeProblemExplainsEachRule() {
        assertEquals("type is null", DirectedRelation.typeProblem(null));
        assertEquals("type is empty", DirectedRelation.typeProblem(""));
        assertTrue(DirectedRelation.typeProblem(" a").contains("whitespace"));
        assertTrue(DirectedRelation.typeProblem("a ").contains("whitespace"));
        assertTrue(DirectedRelation.typeProblem("~a").contains("'~'"));
        assertTrue(DirectedRelation.typeProblem("a,b").contains("','"));
        assertTrue(DirectedRelation.typeProblem("a->b").contains("'->'"));
        assertEquals("type contains a control character at index 1", DirectedRelation.typeProblem("a\u0001b"));
        assertTrue(DirectedRelation.typeProblem("x".repeat(DirectedRelation.MAX_TYPE_LENGTH + 1)).contains("longer"));
        assertNull(DirectedRelation.typeProblem("x".repeat(DirectedRelation.MAX_TYPE_LENGTH)));
    }

    @Test
    void parseRejectsBadTextWithAPreciseMessage() {
        assertEquals("invalid relation: null",
                assertThrows(InvalidInputException.class, () -> DirectedRelation.parse(null)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> DirectedRelation.parse("   ")).getMessage()
                .contains("empty text"));
        assertEquals("invalid relation type '': type is empty",
                assertThrows(InvalidInputException.class, () -> DirectedRelation.parse("~")).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> DirectedRelation.parse("~~a")).getMessage()
                .contains("starts with '~'"));
        assertTrue(assertThrows(InvalidInputException.class, () -> DirectedRelation.parse("a\tb")).getMessage()
                .contains("control character at index 1"));
    }

    @Test
    void constructorValidates() {
        assertThrows(NullPointerException.class, () -> new DirectedRelation("a", null));
        assertThrows(InvalidInputException.class, () -> DirectedRelation.forward(null));
        assertThrows(InvalidInputException.class, () -> DirectedRelation.forward("a,b"));
    }

    @Test
    void reverseFlipsDirectionOnly() {
        DirectedRelation f = DirectedRelation.forward("r");
        assertTrue(f.reverse().isInverse());
        assertFalse(f.isInverse());
        assertEquals(f, f.reverse().reverse());
        assertEquals("r", f.reverse().type());
        assertEquals(Direction.FORWARD, Direction.BACKWARD.reverse());
    }

    @Test
    void ordersByTypeThenForwardBeforeBackward() {
        TreeSet<DirectedRelation> set = new TreeSet<>(List.of(DirectedRelation.backward("b"),
                DirectedRelation.forward("b"), DirectedRelation.backward("a"), DirectedRelation.forward("a")));
        assertEquals(List.of("a", "~a", "b", "~b"), set.stream().map(DirectedRelation::format).toList());
    }
}
