package dev.ariadne.benchmarks.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written fixture files under src/test/resources/fixtures, and temp files holding one bad line. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + relative, e);
        }
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
