package dev.ariadne.engine.train;

import dev.ariadne.core.graph.Triple;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether any gold answer of a question lies within a number of hops of its topic, either direction of
 * every relationship (a relation path may walk {@code ~r}). A breadth-first search on an int adjacency
 * built once from the triples, stopping at the first answer: a shortest walk never reuses a relationship,
 * so "reached within h hops" is exactly "some relation path of at most h hops ends at an answer". Not
 * thread-safe (it reuses its visit marks).
 */
final class AnswerReachability {
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] offsets;
    private final int[] neighbours;
    private final int[] seen;
    private final int[] answer;
    private int stamp;

    AnswerReachability(Collection<Triple> triples) {
        for (Triple t : triples) {
            ids.putIfAbsent(t.subject(), ids.size());
            ids.putIfAbsent(t.object(), ids.size());
        }
        int n = ids.size();
        int[] degree = new int[n + 1];
        for (Triple t : triples) {
            degree[ids.get(t.subject())]++;
            degree[ids.get(t.object())]++;
        }
        offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        neighbours = new int[offsets[n]];
        int[] fill = Arrays.copyOf(offsets, n);
        for (Triple t : triples) {
            int h = ids.get(t.subject());
            int tl = ids.get(t.object());
            neighbours[fill[h]++] = tl;
            neighbours[fill[tl]++] = h;
        }
        seen = new int[n];
        answer = new int[n];
    }

    /** True when an entity keyed in {@code answers} is 1 to {@code maxHops} hops from {@code topic}. */
    boolean reachable(String topic, Set<String> answers, int maxHops) {
        Integer start = ids.get(topic);
        if (start == null) {
            return false;
        }
        stamp++;
        int targets = 0;
        for (String a : answers) {
            Integer id = ids.get(a);
            if (id != null && id.intValue() != start) {
                answer[id] = stamp;
                targets++;
            }
        }
        if (targets == 0) {
            return false;
        }
        seen[start] = stamp;
        int[] frontier = {start};
        for (int hop = 0; hop < maxHops && frontier.length > 0; hop++) {
            int[] next = new int[16];
            int size = 0;
            for (int node : frontier) {
                for (int k = offsets[node]; k < offsets[node + 1]; k++) {
                    int m = neighbours[k];
                    if (seen[m] == stamp) {
                        continue;
                    }
                    if (answer[m] == stamp) {
                        return true;
                    }
                    seen[m] = stamp;
                    if (size == next.length) {
                        next = Arrays.copyOf(next, size * 2);
                    }
                    next[size++] = m;
                }
            }
            frontier = Arrays.copyOf(next, size);
        }
        return false;
    }
}
