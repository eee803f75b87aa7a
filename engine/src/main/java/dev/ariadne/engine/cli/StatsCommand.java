package dev.ariadne.engine.cli;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.cypher.schema.BoltSchemaReader;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.MappingCheck;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ariadne stats}: entities, relations per type, and which relations can follow which. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show what the graph holds: entities, relationships per type, and the relation adjacency.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Option(names = "--no-adjacency", negatable = false, description = "Leave out the relation adjacency.")
    private boolean noAdjacency;

    @Override
    public Integer call() {
        GraphSchema schema;
        if (graph.isBolt()) {
            try (BoltGraph bolt = graph.connectBolt()) {
                schema = new BoltSchemaReader(bolt).read();
            }
        } else {
            CliGraphs.requireEmbeddedFolder(graph);
            GraphMapping given = CliGraphs.givenMapping(graph);
            try (EmbeddedGraph embedded = graph.openEmbedded()) {
                GraphMapping mapping = MappingCheck.check(embedded.database(), CliGraphs.mapping(given, embedded));
                schema = new EmbeddedSchemaReader(embedded.database(), mapping).read();
            }
        }
        print(schema, spec.commandLine().getOut());
        return 0;
    }

    private void print(GraphSchema schema, PrintWriter out) {
        out.println("Graph " + TerminalText.escape(graph.describe()));
        out.printf(Locale.ROOT, "entities:       %,d%n", schema.entityCount());
        out.printf(Locale.ROOT, "relationships:  %,d%n", schema.relationshipCount());
        out.printf(Locale.ROOT, "relation types: %d%n", schema.relationTypes().size());
        int width = schema.relationTypes().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Long> e : schema.relationCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %,12d%n", TerminalText.escape(e.getKey()), e.getValue());
        }
        if (!noAdjacency) {
            out.println("adjacency (directed relation -> relations that can follow it):");
            for (Map.Entry<DirectedRelation, SortedSet<DirectedRelation>> e : schema.adjacency().entrySet()) {
                out.println("  " + TerminalText.escape(e.getKey().format() + " -> " + e.getValue().stream()
                        .map(DirectedRelation::format).collect(Collectors.joining(", "))));
            }
        }
        out.flush();
    }
}
