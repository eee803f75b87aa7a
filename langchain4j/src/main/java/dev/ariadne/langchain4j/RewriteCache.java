package dev.ariadne.langchain4j;

import dev.ariadne.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Model replies on disk, one file per call, named by the SHA-256 of the model name and both prompt
 * messages: a rerun of the same training sends the same prompts, so it costs no call. The raw reply is
 * kept (not the parsed rewrites) so that a better parser later reads old answers anew. Files are written
 * to a temporary name and moved into place atomically, so a killed run leaves no half-written answer.
 */
final class RewriteCache {
    private final Path dir;

    RewriteCache(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the question-rewrite cache directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidInputException("the question-rewrite cache directory " + dir + " is not writable");
        }
        this.dir = dir;
    }

    static String key(String modelName, RewritePrompt prompt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // NUL separators: no model name or prompt text can shift bytes from one part into the next
            for (String part : new String[] {modelName, prompt.system(), prompt.user()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Path file(String key) {
        return dir.resolve(key + ".txt");
    }

    /** The reply stored under {@code key}; empty when there is none. A file that cannot be read is an error. */
    Optional<String> read(String key) throws IOException {
        try {
            return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void write(String key, String reply) throws IOException {
        Path tmp = Files.createTempFile(dir, key, ".tmp");
        try {
            Files.writeString(tmp, reply, StandardCharsets.UTF_8);
            Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp); // only still there when the write or the move failed
        }
    }
}
