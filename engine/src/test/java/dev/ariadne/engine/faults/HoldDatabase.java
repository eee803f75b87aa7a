package dev.ariadne.engine.faults;

import dev.ariadne.connect.EmbeddedGraph;
import java.io.IOException;
import java.nio.file.Path;

/** Holds an embedded database open in a process of its own until its stdin closes: {@code HoldDatabase DIR}. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedGraph graph = EmbeddedGraph.open(Path.of(args[0]), 16)) {
            System.out.println("open " + graph.folder());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
