package dev.ariadne.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningPathTest {
    private final ReasoningPath path = new ReasoningPath(
            List.of(Entity.named("Marlene Dietrich"), Entity.named("Kismet"), new Entity("wd:1", "William Dieterle")),
            RelationPath.parse("~starred_actors,directed_by"));

    @Test
    void rendersAsRoGDoes() {
        assertEquals("Marlene Dietrich -> ~starred_actors -> Kismet -> directed_by -> William Dieterle", path.render());
        assertEquals(path.render(), path.toString());
    }

    @Test
    void rendersArrowsWithStoredDirection() {
        assertEquals("[Marlene Dietrich] <-starred_actors- [Kismet] -directed_by-> [William Dieterle]",
                path.renderArrows());
    }

    @Test
    void endsAndLength() {
        assertEquals(Entity.named("Marlene Dietrich"), path.start());
        assertEquals(new Entity("wd:1", "William Dieterle"), path.end());
        assertEquals(2, path.length());
    }

    @Test
    void singleEntityPathHasLengthZero() {
        ReasoningPath p = new ReasoningPath(List.of(Entity.named("A")), RelationPath.EMPTY);
        assertEquals("A", p.render());
        assertEquals("[A]", p.renderArrows());
        assertEquals(p.start(), p.end());
    }

    @Test
    void rejectsWrongEntityCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReasoningPath(List.of(Entity.named("A")), RelationPath.parse("r")));
        assertEquals("a reasoning path with 1 relations needs 2 entities, got 1", e.getMessage());
    }

    @Test
    void entitiesAreCopied() {
        assertThrows(UnsupportedOperationException.class, () -> path.entities().add(Entity.named("x")));
        assertTrue(path.entities().size() == 3);
    }
}
