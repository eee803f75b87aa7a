package dev.ariadne.models.encoder;

import java.util.List;

/**
 * Turns text into L2-normalised embedding vectors. Implementations are thread-safe and must be closed
 * to release native resources.
 */
public interface TextEncoder extends AutoCloseable {
    /** Length of every vector this encoder returns. */
    int dimension();

    /** A stable identifier of the weights, e.g. {@code bge-small-en-v1.5-q@sha256:...}, for manifests. */
    String modelId();

    /**
     * The device inference actually runs on: {@link Device#CUDA} only when the CUDA execution provider
     * was requested and loaded, else {@link Device#CPU}.
     */
    default Device device() {
        return Device.CPU;
    }

    /** One L2-normalised vector. */
    float[] encode(String text);

    /** One L2-normalised vector per text, in input order; batched internally for throughput. */
    float[][] encodeAll(List<String> texts);

    @Override
    void close();
}
