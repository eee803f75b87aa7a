package dev.ariadne.models.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class VectorAssertions {
    private VectorAssertions() {
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                throw new AssertionError(what + ": component " + i + " differs: expected " + expected[i]
                        + ", actual " + actual[i] + " (tolerance " + tolerance + ")");
            }
        }
    }
}
