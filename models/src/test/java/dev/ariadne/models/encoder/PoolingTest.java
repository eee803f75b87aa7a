package dev.ariadne.models.encoder;

import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pooling and normalisation on hand-made [batch=2, tokens=3, dim=2] tensors. */
class PoolingTest {
    // row 0: tokens (1,2) (3,4) (100,100)=padding;  row 1: tokens (-1,0) (5,6) (7,8)
    private static final FloatBuffer HIDDEN = FloatBuffer.wrap(new float[] {
            1, 2, 3, 4, 100, 100,
            -1, 0, 5, 6, 7, 8});

    @Test
    void clsTakesTheFirstTokenOfItsRow() {
        float[] out = new float[2];
        Pooling.CLS.poolInto(HIDDEN, 0, 3, 2, 2, out);
        assertArrayEquals(new float[] {1, 2}, out);
        Pooling.CLS.poolInto(HIDDEN, 1, 3, 3, 2, out);
        assertArrayEquals(new float[] {-1, 0}, out);
    }

    @Test
    void meanAveragesOnlyTheRealTokens() {
        float[] out = new float[2];
        Pooling.MEAN.poolInto(HIDDEN, 0, 3, 2, 2, out); // the padded (100,100) must not count
        assertArrayEquals(new float[] {2, 3}, out, 1e-6f);
        Pooling.MEAN.poolInto(HIDDEN, 1, 3, 3, 2, out);
        assertArrayEquals(new float[] {11f / 3, 14f / 3}, out, 1e-6f);
    }

    @Test
    void normalisationGivesUnitLengthAndKeepsDirection() {
        float[] v = UnitVectors.normaliseInPlace(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-7f);
        float[] zero = UnitVectors.normaliseInPlace(new float[] {0, 0});
        assertArrayEquals(new float[] {0, 0}, zero);
        float[] tiny = UnitVectors.normaliseInPlace(new float[] {1e-20f, 0});
        assertEquals(1.0, VectorAssertions.norm(tiny), 1e-6);
    }
}
