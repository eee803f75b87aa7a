package dev.ariadne.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code ../shared/datasets} from the repo root or a module folder (or {@code -Dariadne.shared}). */
final class SharedData {
    private SharedData() {
    }

    static Optional<Path> metaqaKb() {
        String configured = System.getProperty("ariadne.shared");
        Path[] roots = configured != null
                ? new Path[] {Path.of(configured), Path.of(configured, "datasets")}
                : new Path[] {Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets")};
        for (Path root : roots) {
            Path kb = root.resolve("metaqa").resolve("kb.txt");
            if (Files.isRegularFile(kb)) {
                return Optional.of(kb);
            }
        }
        return Optional.empty();
    }
}
