package dev.ariadne.loader;

import java.util.List;
import java.util.function.Consumer;

/** A writer that refuses, as a whole and before writing anything, each batch holding one given key. */
final class RefusingWriter implements GraphWriter {
    private final GraphWriter delegate;
    private final String refusedKey;

    RefusingWriter(GraphWriter delegate, String refusedKey) {
        this.delegate = delegate;
        this.refusedKey = refusedKey;
    }

    @Override
    public void prepare(Consumer<String> notices) {
        delegate.prepare(notices);
    }

    @Override
    public BatchResult write(List<ParsedTriple> batch) {
        for (ParsedTriple t : batch) {
            if (t.subjectKey().equals(refusedKey) || t.objectKey().equals(refusedKey)) {
                throw new WriteRejectedException("key " + refusedKey + " is not allowed", null);
            }
        }
        return delegate.write(batch);
    }

    @Override
    public void commitPending() {
        delegate.commitPending();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
