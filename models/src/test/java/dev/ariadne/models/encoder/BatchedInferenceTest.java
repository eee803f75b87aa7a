package dev.ariadne.models.encoder;

import dev.ariadne.core.error.ModelException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.ariadne.models.encoder.VectorAssertions.assertClose;
import static dev.ariadne.models.encoder.VectorAssertions.dot;
import static dev.ariadne.models.encoder.VectorAssertions.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Padded, length-sorted batches (batches of 4 over texts of 1 to 60 words, so most batches pad). The
 * fp32 models are batch-invariant: batched equals one-by-one within 1e-5. The int8 models quantise per
 * batch, so there each batched vector must be closest to its own text's vector and near it, which still
 * catches any mix-up of order, padding or pooling. The fp32 jars are optional: without them (the
 * default classpath) the test checks the error that says which artifact to add; `-Pfp32-encoders` runs
 * the real thing.
 */
class BatchedInferenceTest {

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void batchedVectorsBelongToTheirOwnTextInInputOrder(EncoderModel model) {
        TextEncoder encoder;
        try {
            encoder = TextEncoders.builder().model(model).threads(2).batchSize(4).exactBatching(false).build();
        } catch (ModelException e) {
            assertTrue(!model.dynamicallyQuantised(), "the int8 jars are always on the classpath: " + e.getMessage());
            assertTrue(e.getMessage().contains(model.mavenCoordinates()), e.getMessage());
            assertTrue(e.getMessage().contains(model.modelResource()), e.getMessage());
            return;
        }
        try (encoder) {
            List<String> texts = new ArrayList<>(SampleTexts.random(19, 14));
            texts.addAll(SampleTexts.MIXED);
            Collections.shuffle(texts, new Random(5));
            float[][] batched = encoder.encodeAll(texts);
            assertEquals(texts.size(), batched.length);
            float[][] single = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                single[i] = encoder.encode(texts.get(i));
                assertEquals(1.0, norm(batched[i]), 1e-5, "norm of batched vector " + i);
            }
            for (int i = 0; i < texts.size(); i++) {
                if (!model.dynamicallyQuantised()) {
                    assertClose(single[i], batched[i], 1e-5, model + " text " + i);
                    continue;
                }
                double own = dot(single[i], batched[i]);
                assertTrue(own > 0.97, model + " text " + i + ": cosine to its own text only " + own);
                for (int j = 0; j < texts.size(); j++) {
                    if (j != i && !texts.get(j).equals(texts.get(i))) {
                        assertTrue(dot(single[j], batched[i]) < own,
                                model + " batched vector " + i + " is closer to text " + j + " than to its own");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EncoderModel.class)
    void missingOptionalWeightsNameTheArtifact(EncoderModel model) {
        if (EncoderModel.class.getClassLoader().getResource(model.modelResource()) != null) {
            return; // on the classpath (always for int8; with -Pfp32-encoders for fp32): nothing to check
        }
        ModelException e = assertThrows(ModelException.class, () -> TextEncoders.builder().model(model).build());
        assertTrue(e.getMessage().contains("add the Maven dependency " + model.mavenCoordinates()), e.getMessage());
    }
}
