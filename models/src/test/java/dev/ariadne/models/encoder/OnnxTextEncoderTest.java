package dev.ariadne.models.encoder;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.ModelException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ariadne.models.encoder.VectorAssertions.assertClose;
import static dev.ariadne.models.encoder.VectorAssertions.dot;
import static dev.ariadne.models.encoder.VectorAssertions.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default encoder (bge-small-en-v1.5 int8, CLS pooling, exact batching) end to end, loaded once for
 * the class. Padded, length-sorted batches are covered by {@link BatchedInferenceTest}.
 */
class OnnxTextEncoderTest {
    private static TextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = TextEncoders.builder().threads(2).build();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void describesItself() {
        assertEquals(384, encoder.dimension());
        assertEquals("bge-small-en-v1.5-q@sha256:" + EncoderModel.BGE_SMALL_EN_V15_Q.modelSha256(), encoder.modelId());
        assertEquals(Device.CPU, encoder.device());
    }

    @Test
    void vectorsAreUnitLength() {
        for (String text : SampleTexts.MIXED) {
            float[] v = encoder.encode(text);
            assertEquals(384, v.length);
            assertEquals(1.0, norm(v), 1e-5, "norm of '" + text + "'");
        }
    }

    @Test
    void batchedEqualsOneByOne() {
        float[][] batched = encoder.encodeAll(SampleTexts.MIXED);
        for (int i = 0; i < SampleTexts.MIXED.size(); i++) {
            assertClose(encoder.encode(SampleTexts.MIXED.get(i)), batched[i], 1e-5, "text " + i);
        }
    }

    @Test
    void exactBatchingMakesVectorsIndependentOfTheirNeighbours() {
        List<String> texts = SampleTexts.random(7, 23);
        float[][] all = encoder.encodeAll(texts);
        List<Integer> permutation = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            permutation.add(i);
        }
        Collections.shuffle(permutation, new java.util.Random(11));
        List<String> shuffled = permutation.stream().map(texts::get).toList();
        float[][] shuffledVectors = encoder.encodeAll(shuffled);
        for (int k = 0; k < permutation.size(); k++) {
            assertClose(all[permutation.get(k)], shuffledVectors[k], 1e-5, "shuffled position " + k);
        }
        assertClose(encoder.encode(texts.get(5)), all[5], 1e-5, "text 5 alone");
    }

    @Test
    void clsPoolingMatchesTheModelCard() {
        // bge uses the [CLS] vector: identical texts give identical vectors, a different one does not.
        float[] a = encoder.encode("who directed X");
        float[] b = encoder.encode("who directed X");
        assertClose(a, b, 0, "same text");
        assertTrue(dot(a, encoder.encode("what genre is X")) < 0.999);
    }

    @Test
    void similarQuestionsAreCloserThanUnrelatedOnes() {
        float[] directed = encoder.encode("who directed the film X");
        float[] director = encoder.encode("who is the director of the movie X");
        float[] language = encoder.encode("what language is the movie X in");
        float[] weather = encoder.encode("the recipe needs two cups of flour and an egg");
        assertTrue(dot(directed, director) > dot(directed, language),
                "director paraphrase " + dot(directed, director) + " vs language " + dot(directed, language));
        assertTrue(dot(directed, language) > dot(directed, weather),
                "film question " + dot(directed, language) + " vs recipe " + dot(directed, weather));
    }

    @Test
    void concurrentUseFromEightThreadsEqualsSerial() throws Exception {
        List<String> texts = SampleTexts.random(3, 40);
        float[][] serial = encoder.encodeAll(texts);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                Callable<float[][]> job = () -> {
                    // Each thread mixes single and batched calls over a rotated view of the texts.
                    List<String> rotated = new ArrayList<>(texts);
                    Collections.rotate(rotated, offset * 5);
                    float[][] out = encoder.encodeAll(rotated);
                    float[] single = encoder.encode(rotated.get(0));
                    return new float[][] {out[0], out[rotated.size() - 1], single, out[offset]};
                };
                futures.add(pool.submit(job));
            }
            for (int t = 0; t < 8; t++) {
                float[][] got = futures.get(t).get();
                int n = texts.size();
                int first = Math.floorMod(-t * 5, n);
                assertClose(serial[first], got[0], 1e-5, "thread " + t + " first");
                assertClose(serial[Math.floorMod(first - 1, n)], got[1], 1e-5, "thread " + t + " last");
                assertClose(serial[first], got[2], 1e-5, "thread " + t + " single");
                assertClose(serial[Math.floorMod(first + t, n)], got[3], 1e-5, "thread " + t + " offset");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longTextsAreTruncatedNotRejected() {
        String longText = String.join(" ", Collections.nCopies(2000, "movie"));
        float[] v = encoder.encode(longText);
        assertEquals(1.0, norm(v), 1e-5);
        String longer = longText + " " + String.join(" ", Collections.nCopies(100, "actor"));
        assertClose(v, encoder.encode(longer), 1e-5, "tokens past 512 are cut");
    }

    @Test
    void emptyAndNullInput() {
        assertEquals(0, encoder.encodeAll(List.of()).length);
        assertThrows(InvalidInputException.class, () -> encoder.encode(null));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> encoder.encodeAll(Arrays.asList("a", null)));
        assertTrue(e.getMessage().contains("text 1 of 2"), e.getMessage());
    }

    @Test
    void closingTwiceIsSafeAndUseAfterCloseFails() {
        TextEncoder own = TextEncoders.builder().model(EncoderModel.ALL_MINILM_L6_V2_Q).threads(1).build();
        own.encode("warm up");
        own.close();
        own.close();
        ModelException e = assertThrows(ModelException.class, () -> own.encode("after close"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
