package dev.ariadne.engine.cli;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.cypher.link.EntityQueries;
import dev.ariadne.cypher.mapping.MappedNameIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ariadne index}: creates the full-text index linking uses over a mapped graph's names. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Create the full-text index " + EntityQueries.MAPPED_FULLTEXT_INDEX + " over the mapped labels' "
                + "name and alias properties, which linking uses for names written loosely. Changes the database's "
                + "schema (not its data); run it once, and again after changing the mapping's names.")
final class IndexCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Option(names = "--replace", description = "Drop and rebuild an existing " + EntityQueries.MAPPED_FULLTEXT_INDEX
            + " that covers other labels or properties.")
    private boolean replace;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the index to come online (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() {
        if (graph.isBolt()) {
            throw new ParameterException(spec.commandLine(), "index changes an embedded database (--db) for now; on a "
                    + "server, create the index yourself with the statement 'ariadne inspect' prints");
        }
        CliGraphs.requireEmbeddedFolder(graph);
        GraphMapping given = CliGraphs.givenMapping(graph);
        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedGraph embedded = graph.openEmbedded()) {
            GraphMapping mapping = CliGraphs.mapping(given, embedded);
            MappedNameIndex.Outcome outcome = MappedNameIndex.create(embedded.database(), mapping, replace, timeoutSeconds);
            out.println(EntityQueries.MAPPED_FULLTEXT_INDEX + " " + switch (outcome) {
                case CREATED -> "created";
                case REPLACED -> "rebuilt";
                case UP_TO_DATE -> "already there";
            } + " over " + TerminalText.escape(MappedNameIndex.coverage(mapping).toString()));
        }
        out.flush();
        return 0;
    }
}
