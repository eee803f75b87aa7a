package dev.ariadne.models.eval;

import dev.ariadne.core.error.ModelException;
import dev.ariadne.models.encoder.TextEncoder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers every vector it returns, so the evaluation's later splits do not re-embed the same MetaQA
 * questions (the first split is timed with a cold cache). Unbounded: for evaluation runs only.
 *
 * <p>Optionally backed by a file ({@code --embedding-cache FILE}): vectors are read from it at start when it
 * was written for the same encoder (model id and dimension), and the whole cache is written back on
 * {@link #close()} when new texts were embedded. Train times measured with a warm file cache exclude
 * embedding; the evaluation's published numbers are taken without it.
 */
final class CachingEncoder implements TextEncoder {
    private static final int FILE_MAGIC = 0x41454331; // "AEC1"

    private final TextEncoder delegate;
    private final Map<String, float[]> cache = new HashMap<>();
    private final Path file;
    private boolean dirty;

    CachingEncoder(TextEncoder delegate) {
        this(delegate, null);
    }

    CachingEncoder(TextEncoder delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            load(file);
        }
    }

    private void load(Path from) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(from), 1 << 16))) {
            if (in.readInt() != FILE_MAGIC) {
                throw new ModelException("embedding cache " + from + ": not an embedding cache file (bad magic)");
            }
            String model = in.readUTF();
            int dim = in.readInt();
            if (!model.equals(delegate.modelId()) || dim != delegate.dimension()) {
                System.err.println("embedding cache " + from + " was written for another encoder (" + model + ", " + dim
                        + "-d); ignoring it");
                return;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = in.readUTF();
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = in.readFloat();
                }
                cache.put(text, v);
            }
            System.out.println("embedding cache: " + n + " vectors read from " + from);
        } catch (IOException e) {
            throw new ModelException("embedding cache " + from + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private void store(Path to) {
        try {
            Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FILE_MAGIC);
                out.writeUTF(delegate.modelId());
                out.writeInt(delegate.dimension());
                List<String> keys = new ArrayList<>(new java.util.TreeSet<>(cache.keySet()));
                out.writeInt(keys.size());
                for (String k : keys) {
                    out.writeUTF(k);
                    for (float f : cache.get(k)) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModelException("embedding cache " + to + ": cannot write (" + e.getMessage() + ")", e);
        }
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
        float[] v = cache.get(text);
        if (v == null) {
            v = delegate.encode(text);
            cache.put(text, v);
            dirty = true;
        }
        return v;
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
            dirty = true;
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }

    /** Writes the file now (when new texts were embedded since the last write). */
    synchronized void flush() {
        if (file != null && dirty) {
            store(file);
            dirty = false;
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            delegate.close();
        }
    }
}
