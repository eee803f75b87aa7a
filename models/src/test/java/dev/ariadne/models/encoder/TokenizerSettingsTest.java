package dev.ariadne.models.encoder;

import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The jar's MiniLM tokenizer.json pads every text to 128 and truncates there; ours must do neither
 * (padding happens per batch in our code, truncation at 512), or mean pooling would average [PAD]s.
 */
class TokenizerSettingsTest {

    @Test
    void noPaddingAndTruncationAtTheConfiguredLength() {
        try (OnnxTextEncoder encoder = (OnnxTextEncoder) TextEncoders.builder()
                .model(EncoderModel.ALL_MINILM_L6_V2_Q).threads(1).build()) {
            assertEquals(5, encoder.tokenCount("who directed X"), "[CLS] who directed x [SEP]");
            assertEquals(2, encoder.tokenCount(""), "[CLS] [SEP]");
            assertEquals(512, encoder.tokenCount(String.join(" ", Collections.nCopies(1000, "film"))));
        }
        try (OnnxTextEncoder encoder = (OnnxTextEncoder) TextEncoders.builder()
                .model(EncoderModel.ALL_MINILM_L6_V2_Q).maxTokens(16).threads(1).build()) {
            assertEquals(16, encoder.tokenCount(String.join(" ", Collections.nCopies(1000, "film"))));
        }
    }
}
