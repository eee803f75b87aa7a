package dev.ariadne.models.planner;

import dev.ariadne.models.encoder.TextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bounded LRU of text embeddings; misses of one call are encoded in one batch. Thread-safe. */
final class EmbeddingCache {
    private final TextEncoder encoder;
    private final LinkedHashMap<String, float[]> map;

    EmbeddingCache(TextEncoder encoder, int capacity) {
        this.encoder = encoder;
        this.map = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Embeddings of {@code texts} in order. */
    float[][] get(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        synchronized (map) {
            for (int i = 0; i < texts.size(); i++) {
                float[] v = map.get(texts.get(i));
                if (v != null) {
                    out[i] = v;
                } else {
                    missingAt.add(i);
                    missing.add(texts.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(missing));
            float[][] enc = encoder.encodeAll(distinct);
            Map<String, float[]> fresh = new java.util.HashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                fresh.put(distinct.get(i), enc[i]);
            }
            synchronized (map) {
                map.putAll(fresh);
            }
            for (int k = 0; k < missing.size(); k++) {
                out[missingAt.get(k)] = fresh.get(missing.get(k));
            }
        }
        return out;
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
