package dev.ariadne.cypher.schema;

import dev.ariadne.core.graph.DirectedRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accumulates the directed relation adjacency one entity at a time, from per-type degrees. An entity
 * with an incoming {@code t} edge is reached by {@code t}; one with an outgoing {@code t} edge is
 * reached by {@code ~t}. Relation {@code b} can follow {@code a} at the entity when some edge arriving by
 * {@code a} and some other edge leaving by {@code b} exist (a path uses each relationship once): for
 * {@code t} then {@code ~t} that takes two incoming {@code t} edges; for {@code t} then {@code t} it fails
 * only when the one incoming and the one outgoing {@code t} edge are the same self-loop.
 */
final class RelationAdjacency {
    private final SortedMap<DirectedRelation, SortedSet<DirectedRelation>> followers = new TreeMap<>();

    /**
     * @param types the entity's relationship types
     * @param out outgoing edges per type (index-aligned with {@code types}; a self-loop counts here too)
     * @param in incoming edges per type (a self-loop counts here too)
     * @param loops self-loops per type
     */
    void addEntity(List<String> types, long[] out, long[] in, long[] loops) {
        List<Integer> usable = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            if (DirectedRelation.typeProblem(types.get(i)) == null) {
                usable.add(i); // a type that cannot be written in a relation path is never plannable
            }
        }
        for (int i : usable) {
            String t = types.get(i);
            for (boolean arriveForward : new boolean[] {true, false}) {
                long arriving = arriveForward ? in[i] : out[i];
                if (arriving == 0) {
                    continue;
                }
                DirectedRelation a = arriveForward ? DirectedRelation.forward(t) : DirectedRelation.backward(t);
                for (int j : usable) {
                    String u = types.get(j);
                    for (boolean leaveForward : new boolean[] {true, false}) {
                        long leaving = leaveForward ? out[j] : in[j];
                        if (leaving == 0) {
                            continue;
                        }
                        if (i == j && !distinctEdges(arriveForward, leaveForward, in[i], out[i], loops[i])) {
                            continue;
                        }
                        followers.computeIfAbsent(a, k -> new TreeSet<>()).add(leaveForward ? DirectedRelation.forward(u) : DirectedRelation.backward(u));
                    }
                }
            }
        }
    }

    /** Whether an arriving and a different leaving edge of the same type exist. */
    private static boolean distinctEdges(boolean arriveForward, boolean leaveForward, long in, long out, long loops) {
        if (arriveForward != leaveForward) {
            // t then ~t (or ~t then t): both edges come from the same set (incoming, resp. outgoing).
            return (arriveForward ? in : out) >= 2;
        }
        // t then t: incoming then outgoing; the same edge only when it is the single self-loop.
        return !(in == 1 && out == 1 && loops == 1);
    }

    SortedMap<DirectedRelation, SortedSet<DirectedRelation>> build() {
        return followers;
    }
}
