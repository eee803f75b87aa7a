package dev.ariadne.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a load into a fresh store has read but not yet written: entities numbered in the order first
 * seen (the numbers never change; the node id is filled in once the entity is committed) and the
 * deduplicated relationships between those numbers. Entities below {@link #committedEntities()} are in
 * the store; the rest are pending, in number order.
 */
final class FreshGraph {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> pendingKeys = new ArrayList<>();
    private final List<String> pendingNames = new ArrayList<>();
    private long[] nodeIds = new long[1024];
    private int committed;
    private int[] edges = new int[3 * 1024];
    private int edgeCount;

    /** The number of the entity {@code key}, numbering it (with its display name) when first seen. */
    int entity(String key, String name) {
        Integer known = numbers.get(key);
        if (known != null) {
            return known;
        }
        int number = numbers.size();
        numbers.put(key, number);
        pendingKeys.add(key);
        pendingNames.add(name);
        return number;
    }

    void addEdge(int subject, int type, int object) {
        if (3 * edgeCount + 3 > edges.length) {
            edges = Arrays.copyOf(edges, edges.length * 2);
        }
        int at = 3 * edgeCount++;
        edges[at] = subject;
        edges[at + 1] = type;
        edges[at + 2] = object;
    }

    int entityCount() {
        return numbers.size();
    }

    int committedEntities() {
        return committed;
    }

    /** Key of a pending entity. */
    String key(int entity) {
        return pendingKeys.get(entity - committed);
    }

    /** Display name of a pending entity as read (null or empty: the key). */
    String name(int entity) {
        return pendingNames.get(entity - committed);
    }

    void setNodeId(int entity, long nodeId) {
        if (entity >= nodeIds.length) {
            nodeIds = Arrays.copyOf(nodeIds, Math.max(nodeIds.length * 2, entity + 1));
        }
        nodeIds[entity] = nodeId;
    }

    long nodeId(int entity) {
        return nodeIds[entity];
    }

    /** Entities below {@code end} are now in the store. */
    void committedUpTo(int end) {
        pendingKeys.subList(0, end - committed).clear();
        pendingNames.subList(0, end - committed).clear();
        committed = end;
    }

    int pendingEdges() {
        return edgeCount;
    }

    int edgeSubject(int i) {
        return edges[3 * i];
    }

    int edgeType(int i) {
        return edges[3 * i + 1];
    }

    int edgeObject(int i) {
        return edges[3 * i + 2];
    }

    void clearEdges() {
        edgeCount = 0;
    }

    boolean isEmpty() {
        return edgeCount == 0 && committed == numbers.size();
    }

    void clear() {
        numbers.clear();
        pendingKeys.clear();
        pendingNames.clear();
        committed = 0;
        edgeCount = 0;
    }
}
