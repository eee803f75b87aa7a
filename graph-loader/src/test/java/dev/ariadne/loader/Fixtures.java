package dev.ariadne.loader;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written fixture files under {@code src/test/resources/fixtures}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }
}
