package dev.ariadne.core.schema;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Direction;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is in the graph: entity and relationship counts, relationship counts per type, and the relation
 * adjacency: for each directed relation, the directed relations that can follow it in the data (an
 * entity reached by the first has at least one edge of the second). The adjacency is what constrains
 * planning before any entity is known.
 */
public record GraphSchema(long entityCount, long relationshipCount, SortedMap<String, Long> relationCounts,
                          SortedMap<DirectedRelation, SortedSet<DirectedRelation>> adjacency) {
    public GraphSchema {
        relationCounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(relationCounts));
        TreeMap<DirectedRelation, SortedSet<DirectedRelation>> copy = new TreeMap<>();
        adjacency.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        adjacency = java.util.Collections.unmodifiableSortedMap(copy);
    }

    public Set<String> relationTypes() {
        return relationCounts.keySet();
    }

    public boolean hasRelationType(String type) {
        return relationCounts.containsKey(type);
    }

    /** Every type in both directions. */
    public SortedSet<DirectedRelation> directedRelations() {
        TreeSet<DirectedRelation> all = new TreeSet<>();
        for (String t : relationCounts.keySet()) {
            all.add(new DirectedRelation(t, Direction.FORWARD));
            all.add(new DirectedRelation(t, Direction.BACKWARD));
        }
        return all;
    }

    /** The directed relations that can follow {@code r}; empty when none or unknown. */
    public SortedSet<DirectedRelation> followers(DirectedRelation r) {
        return adjacency.getOrDefault(r, java.util.Collections.emptySortedSet());
    }

    public boolean canFollow(DirectedRelation first, DirectedRelation second) {
        return followers(first).contains(second);
    }

    public Map<String, Long> counts() {
        return relationCounts;
    }
}
