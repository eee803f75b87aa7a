package dev.ariadne.loader;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads triple files into Neo4j as {@code (:Entity)-[:relation]->(:Entity)}, idempotently: loading the
 * same file twice leaves the same graph. See {@link EntitySchema} for the layout.
 *
 * <pre>{@code
 * try (EmbeddedGraph graph = EmbeddedGraph.open(Path.of("ariadne-data"))) {
 *     LoadReport report = GraphLoader.embedded(graph, LoadOptions.defaults()).load(List.of(Path.of("kb.txt")));
 * }
 * }</pre>
 */
public interface GraphLoader {
    /**
     * Loads {@code files} in order. Malformed lines are skipped and reported; more than
     * {@link LoadOptions#maxErrors()} of them stop the load with a
     * {@link dev.ariadne.core.error.LoadAbortedException} after committing the good lines read so far.
     */
    LoadReport load(List<Path> files);

    /**
     * Checks that every file exists and is readable, touching no database: callers that open or create a
     * database for the load (the CLI) call it first, so that a bad file list leaves nothing behind.
     *
     * @throws dev.ariadne.core.error.InvalidInputException naming the first file that fails
     */
    static void checkInputs(List<Path> files) {
        Objects.requireNonNull(files, "files");
        InputFiles.check(files);
    }

    /** Writes through the embedded transaction API, in large batches. */
    static GraphLoader embedded(EmbeddedGraph graph, LoadOptions options) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(options, "options");
        return files -> new LoadRun(new EmbeddedWriter(graph.database(), options.batchSize()), options).run(files);
    }

    /** Writes over Bolt with batched {@code UNWIND} transactions and driver-managed retries. */
    static GraphLoader bolt(BoltGraph graph, LoadOptions options) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(options, "options");
        return files -> new LoadRun(new BoltWriter(graph), options).run(files);
    }
}
