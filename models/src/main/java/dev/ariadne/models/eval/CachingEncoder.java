package dev.ariadne.models.eval;

import dev.ariadne.models.encoder.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers every vector it returns, so the evaluation's later splits do not re-embed the same MetaQA
 * questions (the first split is timed with a cold cache). Unbounded: for evaluation runs only.
 */
final class CachingEncoder implements TextEncoder {
    private final TextEncoder delegate;
    private final Map<String, float[]> cache = new HashMap<>();

    CachingEncoder(TextEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public synchronized float[] encode(String text) {
        return cache.computeIfAbsent(text, delegate::encode);
    }

    @Override
    public synchronized float[][] encodeAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(missing));
            float[][] v = delegate.encodeAll(distinct);
            for (int i = 0; i < distinct.size(); i++) {
                cache.put(distinct.get(i), v[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
