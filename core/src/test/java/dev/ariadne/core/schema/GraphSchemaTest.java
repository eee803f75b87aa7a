package dev.ariadne.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.graph.DirectedRelation;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GraphSchemaTest {
    private static final DirectedRelation DIRECTED = DirectedRelation.forward("directed_by");
    private static final DirectedRelation STARRED_INV = DirectedRelation.backward("starred_actors");

    private GraphSchema schema() {
        SortedMap<String, Long> counts = new TreeMap<>();
        counts.put("starred_actors", 5L);
        counts.put("directed_by", 2L);
        SortedMap<DirectedRelation, SortedSet<DirectedRelation>> adjacency = new TreeMap<>();
        adjacency.put(STARRED_INV, new TreeSet<>(List.of(DIRECTED, STARRED_INV.reverse())));
        return new GraphSchema(4, 7, counts, adjacency);
    }

    @Test
    void exposesCountsAndTypes() {
        GraphSchema s = schema();
        assertEquals(4, s.entityCount());
        assertEquals(7, s.relationshipCount());
        assertEquals(List.of("directed_by", "starred_actors"), List.copyOf(s.relationTypes()));
        assertEquals(5L, s.counts().get("starred_actors"));
        assertTrue(s.hasRelationType("directed_by"));
        assertFalse(s.hasRelationType("written_by"));
    }

    @Test
    void directedRelationsHoldBothDirections() {
        assertEquals(List.of("directed_by", "~directed_by", "starred_actors", "~starred_actors"),
                schema().directedRelations().stream().map(DirectedRelation::format).toList());
    }

    @Test
    void followersAndCanFollow() {
        GraphSchema s = schema();
        assertEquals(List.of(DIRECTED, STARRED_INV.reverse()), List.copyOf(s.followers(STARRED_INV)));
        assertTrue(s.canFollow(STARRED_INV, DIRECTED));
        assertFalse(s.canFollow(DIRECTED, STARRED_INV));
        assertTrue(s.followers(DirectedRelation.forward("unknown")).isEmpty());
    }

    @Test
    void isADefensiveImmutableCopy() {
        SortedMap<String, Long> counts = new TreeMap<>();
        counts.put("a", 1L);
        SortedMap<DirectedRelation, SortedSet<DirectedRelation>> adjacency = new TreeMap<>();
        SortedSet<DirectedRelation> followers = new TreeSet<>(List.of(DirectedRelation.forward("a")));
        adjacency.put(DirectedRelation.backward("a"), followers);
        GraphSchema s = new GraphSchema(2, 1, counts, adjacency);
        counts.put("b", 2L);
        followers.add(DirectedRelation.backward("a"));
        assertEquals(1, s.relationCounts().size());
        assertEquals(1, s.followers(DirectedRelation.backward("a")).size());
        assertThrows(UnsupportedOperationException.class, () -> s.relationCounts().put("c", 1L));
        assertThrows(UnsupportedOperationException.class,
                () -> s.followers(DirectedRelation.backward("a")).add(DirectedRelation.forward("z")));
        assertThrows(UnsupportedOperationException.class, () -> s.adjacency().clear());
    }
}
