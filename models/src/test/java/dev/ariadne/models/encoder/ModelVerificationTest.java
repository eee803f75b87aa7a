package dev.ariadne.models.encoder;

import dev.ariadne.core.error.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sha256 pinning: the jar resources match, a tampered copy is refused with a message naming the file. */
class ModelVerificationTest {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Test
    void pinnedHashesAreWellFormed() {
        for (EncoderModel m : EncoderModel.values()) {
            assertTrue(SHA256.matcher(m.modelSha256()).matches(), m + " model hash");
            assertTrue(SHA256.matcher(m.tokenizerSha256()).matches(), m + " tokenizer hash");
            assertEquals(m, EncoderModel.fromId(m.id().toUpperCase()));
        }
    }

    @Test
    void classpathResourcesMatchTheirPins() {
        for (EncoderModel m : new EncoderModel[] {EncoderModel.BGE_SMALL_EN_V15_Q, EncoderModel.ALL_MINILM_L6_V2_Q}) {
            VerifiedFile onnx = VerifiedFile.fromClasspath(m, m.modelResource(), m.modelSha256());
            assertEquals(m.modelSha256(), onnx.sha256());
            VerifiedFile tokenizer = VerifiedFile.fromClasspath(m, m.tokenizerResource(), m.tokenizerSha256());
            assertEquals(m.tokenizerSha256(), tokenizer.sha256());
        }
    }

    @Test
    void anIntactCopyOnDiskLoads(@TempDir Path dir) throws IOException {
        EncoderModel m = EncoderModel.ALL_MINILM_L6_V2_Q;
        Path onnx = copyResource(m.modelResource(), dir);
        Path tokenizer = copyResource(m.tokenizerResource(), dir);
        try (TextEncoder encoder = TextEncoders.builder().model(m).modelFiles(onnx, tokenizer).threads(1).build()) {
            try (TextEncoder fromJar = TextEncoders.builder().model(m).threads(1).build()) {
                VectorAssertions.assertClose(fromJar.encode("who wrote X"), encoder.encode("who wrote X"), 0, "same file");
            }
        }
    }

    @Test
    void aTamperedModelIsRefusedNamingFileAndBothHashes(@TempDir Path dir) throws IOException {
        EncoderModel m = EncoderModel.ALL_MINILM_L6_V2_Q;
        Path onnx = copyResource(m.modelResource(), dir);
        Path tokenizer = copyResource(m.tokenizerResource(), dir);
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length / 2] ^= 0x01; // one flipped bit in the middle of the weights
        Files.write(onnx, bytes);
        String actual = VerifiedFile.sha256(bytes);

        ModelException e = assertThrows(ModelException.class,
                () -> TextEncoders.builder().model(m).modelFiles(onnx, tokenizer).build());
        assertTrue(e.getMessage().contains(m.modelResource()), e.getMessage());
        assertTrue(e.getMessage().contains(onnx.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + m.modelSha256()), e.getMessage());
        assertTrue(e.getMessage().contains("actual " + actual), e.getMessage());
    }

    @Test
    void aTamperedTokenizerIsRefused(@TempDir Path dir) throws IOException {
        EncoderModel m = EncoderModel.ALL_MINILM_L6_V2_Q;
        Path onnx = copyResource(m.modelResource(), dir);
        Path tokenizer = copyResource(m.tokenizerResource(), dir);
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"[UNK]\"", "\"[UNKNOWN]\""));
        ModelException e = assertThrows(ModelException.class,
                () -> TextEncoders.builder().model(m).modelFiles(onnx, tokenizer).build());
        assertTrue(e.getMessage().contains("sha256 mismatch for model file " + m.tokenizerResource()), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        EncoderModel m = EncoderModel.ALL_MINILM_L6_V2_Q;
        Path missing = dir.resolve("nope.onnx");
        ModelException e = assertThrows(ModelException.class,
                () -> TextEncoders.builder().model(m).modelFiles(missing, missing).build());
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    }

    private static Path copyResource(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = ModelVerificationTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
