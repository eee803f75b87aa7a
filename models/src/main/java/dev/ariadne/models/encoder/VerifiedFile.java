package dev.ariadne.models.encoder;

import dev.ariadne.core.error.ModelException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one model file (weights or tokenizer) whose sha256 matched the pinned value. Read fully
 * into memory: ONNX Runtime and the tokenizer both accept bytes, so the file that was hashed is exactly
 * the file that gets loaded (no check-then-reopen window).
 */
record VerifiedFile(String name, String location, byte[] bytes, String sha256) {

    /** Reads {@code resource} from the classpath; a missing resource names the Maven artifact to add. */
    static VerifiedFile fromClasspath(EncoderModel model, String resource, String expectedSha256) {
        ClassLoader loader = EncoderModel.class.getClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            in = context == null ? null : context.getResourceAsStream(resource);
        }
        if (in == null) {
            throw new ModelException("encoder model '" + model.id() + "' needs the resource '" + resource
                    + "', which is not on the classpath: add the Maven dependency " + model.mavenCoordinates()
                    + " (with all its transitive dependencies excluded; see docs/encoder.md)");
        }
        try (InputStream stream = in) {
            return verified(resource, "classpath:" + resource, stream.readAllBytes(), expectedSha256);
        } catch (IOException e) {
            throw new ModelException("could not read the resource '" + resource + "' of encoder model '"
                    + model.id() + "' from " + model.mavenCoordinates() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model file from disk (an offline copy of the jar's resource); it must hash the same. */
    static VerifiedFile fromFile(EncoderModel model, Path file, String expectedSha256) {
        try {
            return verified(file.getFileName().toString(), file.toAbsolutePath().toString(),
                    Files.readAllBytes(file), expectedSha256);
        } catch (NoSuchFileException e) {
            throw new ModelException("model file " + file.toAbsolutePath() + " for encoder model '" + model.id()
                    + "' does not exist", e);
        } catch (IOException e) {
            throw new ModelException("could not read model file " + file.toAbsolutePath() + " for encoder model '"
                    + model.id() + "': " + e.getMessage(), e);
        }
    }

    private static VerifiedFile verified(String name, String location, byte[] bytes, String expectedSha256) {
        String actual = sha256(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new ModelException("sha256 mismatch for model file " + name + " (" + location + "): expected "
                    + expectedSha256 + ", actual " + actual
                    + "; the file is corrupt or is not the one this version of Ariadne pins");
        }
        return new VerifiedFile(name, location, bytes, actual);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
