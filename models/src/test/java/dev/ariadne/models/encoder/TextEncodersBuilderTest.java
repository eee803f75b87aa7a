package dev.ariadne.models.encoder;

import dev.ariadne.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options are refused at once, with the value and the allowed range; no model is loaded. */
class TextEncodersBuilderTest {

    @Test
    void rejectsBadOptionsImmediately() {
        TextEncoders.Builder b = TextEncoders.builder();
        assertTrue(assertThrows(InvalidInputException.class, () -> b.threads(-1)).getMessage().contains("-1"));
        assertThrows(InvalidInputException.class, () -> b.batchSize(0));
        assertThrows(InvalidInputException.class, () -> b.batchSize(5000));
        assertThrows(InvalidInputException.class, () -> b.maxTokens(513));
        assertThrows(InvalidInputException.class, () -> b.maxTokens(1));
        assertThrows(InvalidInputException.class, () -> b.cudaDeviceId(-2));
        assertThrows(NullPointerException.class, () -> b.model(null));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> EncoderModel.fromId("bert"));
        assertTrue(unknown.getMessage().contains("bge-small-en-v1.5-q"), unknown.getMessage());
    }

    @Test
    void exactBatchingAppliesOnlyToDynamicallyQuantisedModels() {
        TextEncoders.Builder b = TextEncoders.builder().batchSize(64);
        assertEquals(1, b.model(EncoderModel.BGE_SMALL_EN_V15_Q).effectiveBatchSize());
        assertEquals(64, b.model(EncoderModel.BGE_SMALL_EN_V15).effectiveBatchSize());
        assertEquals(64, b.model(EncoderModel.ALL_MINILM_L6_V2_Q).exactBatching(false).effectiveBatchSize());
    }
}
