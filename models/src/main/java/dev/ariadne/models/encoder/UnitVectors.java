package dev.ariadne.models.encoder;

/** L2 normalisation of embedding vectors, so that a dot product is a cosine. */
final class UnitVectors {
    private UnitVectors() {
    }

    /** Scales {@code v} in place to unit length; a zero vector stays zero (there is no direction to keep). */
    static float[] normaliseInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v;
        }
        float scale = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
