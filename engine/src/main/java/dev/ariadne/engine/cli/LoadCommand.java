package dev.ariadne.engine.cli;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.schema.BoltSchemaReader;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.loader.GraphLoader;
import dev.ariadne.loader.InputFormat;
import dev.ariadne.loader.LoadOptions;
import dev.ariadne.loader.LoadReport;
import dev.ariadne.loader.ProgressMode;
import dev.ariadne.loader.RejectedLine;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ariadne load FILE...}: imports triples, idempotently, and reports what it did. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load triple files into the graph (the embedded database unless --uri is given).",
            "Loading is idempotent: loading a file twice leaves the same graph. Gzipped files are read as is."})
final class LoadCommand implements Callable<Integer> {
    /** Rejected lines printed one by one before the rest are only counted. */
    static final int PRINTED_REJECTIONS = 100;

    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, metaqa (s|r|o), tsv, csv (with a header), ntriples, turtle or jsonl (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "Field delimiter for metaqa, tsv and csv input (one character, or \\t).")
    private String delimiter;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "" + LoadOptions.DEFAULT_MAX_ERRORS,
            description = "Stop after more than N malformed lines (default: ${DEFAULT-VALUE}); lines before the stop stay loaded.")
    private long maxErrors;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + LoadOptions.DEFAULT_BATCH_SIZE,
            description = "Triples per transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar, log or none (default: ${DEFAULT-VALUE}).")
    private ProgressMode progress;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character encoding of the input files: UTF-8 (default), ISO-8859-1, windows-1252, ..."
                    + " A line with bytes not valid in it is rejected, never guessed at.")
    private String encoding;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to load, in order.")
    private List<Path> files;

    private long printed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadOptions options = options(err);
        // Before any database is opened: a mistyped file name must not cost a database start, nor leave
        // an empty database folder behind.
        if (graph.mappingFile() != null) {
            throw new ParameterException(spec.commandLine(), "load writes Ariadne's own (:Entity {key, name}) layout; "
                    + "--mapping is for reading a graph in another layout (ask, train, stats, inspect)");
        }
        GraphLoader.checkInputs(files);
        LoadReport report;
        GraphSchema schema;
        if (graph.isBolt()) {
            try (BoltGraph bolt = graph.connectBolt()) {
                report = GraphLoader.bolt(bolt, options).load(files);
                schema = new BoltSchemaReader(bolt).read();
            }
        } else {
            try (EmbeddedGraph embedded = graph.openEmbedded()) {
                report = GraphLoader.embedded(embedded, options).load(files);
                schema = new EmbeddedSchemaReader(embedded.database()).read();
            }
        }
        if (report.rejectedLines() > printed) {
            err.printf(Locale.ROOT, "ariadne: %,d more malformed lines not shown%n", report.rejectedLines() - printed);
        }
        out.println("Loaded into " + graph.describe());
        out.println(report.summary());
        out.printf(Locale.ROOT, "graph now:        %,d entities, %,d relationships, %d relation types%n",
                schema.entityCount(), schema.relationshipCount(), schema.relationTypes().size());
        out.flush();
        return 0;
    }

    private LoadOptions options(PrintWriter err) {
        Consumer<RejectedLine> report = r -> {
            if (printed < PRINTED_REJECTIONS) {
                printed++;
                err.println("ariadne: skipped " + r.format());
                err.flush();
            }
        };
        try {
            LoadOptions.Builder b = LoadOptions.builder().format(InputFormat.fromOption(format)).maxErrors(maxErrors)
                    .batchSize(batchSize).progress(progress).log(new PrintStream(System.err, true))
                    .onRejected(report).encoding(encoding);
            if (delimiter != null) {
                b.delimiter(delimiter);
            }
            return b.build();
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
