package dev.ariadne.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTest {
    @Test
    void namedUsesTheNameAsKey() {
        Entity e = Entity.named("Kismet");
        assertEquals("Kismet", e.key());
        assertEquals("Kismet", e.name());
        assertEquals("Kismet", e.toString());
    }

    @Test
    void missingNameFallsBackToKey() {
        assertEquals("m.0abc", new Entity("m.0abc", null).name());
        assertEquals("m.0abc", new Entity("m.0abc", "").name());
    }

    @Test
    void toStringShowsKeyWhenItDiffersFromName() {
        assertEquals("Paris (m.05qtj)", new Entity("m.05qtj", "Paris").toString());
    }

    @Test
    void rejectsNullOrEmptyKey() {
        assertThrows(NullPointerException.class, () -> new Entity(null, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Entity("", "x"));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
    }

    @Test
    void equalityIsByKeyAndName() {
        assertEquals(new Entity("k", "n"), new Entity("k", "n"));
        assertEquals(new Entity("k", "k"), Entity.named("k"));
        assertNotEquals(new Entity("k", "n"), new Entity("k", "m"));
        assertEquals(new Entity("k", "n").hashCode(), new Entity("k", "n").hashCode());
    }

    @Test
    void ordersByKey() {
        List<Entity> list = new ArrayList<>(List.of(new Entity("b", "A"), new Entity("c", "0"), new Entity("a", "Z")));
        Collections.sort(list);
        assertEquals(List.of("a", "b", "c"), list.stream().map(Entity::key).toList());
    }
}
