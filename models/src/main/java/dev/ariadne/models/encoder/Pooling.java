package dev.ariadne.models.encoder;

import java.nio.FloatBuffer;

/**
 * How one sentence vector is read out of the token vectors ({@code last_hidden_state}). Done in our code
 * rather than in the graph so that every model file (the int8 and fp32 exports alike) is pooled the same
 * way, and so that padding inside a batch can never leak into a vector.
 */
public enum Pooling {
    /** The vector of the first token ({@code [CLS]}); what bge was trained with. */
    CLS {
        @Override
        void poolInto(FloatBuffer hidden, int row, int paddedLength, int tokens, int dimension, float[] out) {
            int base = row * paddedLength * dimension;
            for (int d = 0; d < dimension; d++) {
                out[d] = hidden.get(base + d);
            }
        }
    },
    /** The mean of the vectors of the real (unpadded) tokens; what the MiniLM sentence model was trained with. */
    MEAN {
        @Override
        void poolInto(FloatBuffer hidden, int row, int paddedLength, int tokens, int dimension, float[] out) {
            java.util.Arrays.fill(out, 0f);
            int base = row * paddedLength * dimension;
            for (int t = 0; t < tokens; t++) {
                int offset = base + t * dimension;
                for (int d = 0; d < dimension; d++) {
                    out[d] += hidden.get(offset + d);
                }
            }
            float scale = 1f / Math.max(1, tokens);
            for (int d = 0; d < dimension; d++) {
                out[d] *= scale;
            }
        }
    };

    /**
     * Pools one row of a {@code [batch, paddedLength, dimension]} tensor (flattened, row-major) into
     * {@code out}. Only the first {@code tokens} positions are real: batches are right-padded, so the
     * attention mask of a row is {@code tokens} ones followed by zeros.
     */
    abstract void poolInto(FloatBuffer hidden, int row, int paddedLength, int tokens, int dimension, float[] out);
}
