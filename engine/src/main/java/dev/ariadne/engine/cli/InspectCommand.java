package dev.ariadne.engine.cli;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.cypher.link.EntityQueries;
import dev.ariadne.cypher.mapping.GraphInspection;
import dev.ariadne.cypher.mapping.GraphInspector;
import dev.ariadne.cypher.mapping.MappedNameIndex;
import dev.ariadne.cypher.mapping.MappingCheck;
import dev.ariadne.cypher.mapping.MappingProposal;
import dev.ariadne.engine.mapping.MappingFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ariadne inspect}: what a database holds (labels, property coverage and kinds, uniqueness
 * constraints, relationship types and the labels they join, full-text indexes) and the mapping Ariadne
 * would read it through, or, with {@code --mapping}, whether a mapping file fits it.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Read a database's labels, properties, constraints, relationship types and indexes, and "
                + "propose the mapping Ariadne reads it through (write it with --write, edit it, pass it back with "
                + "--mapping). With --mapping FILE: check that file against the database."})
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions graph;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the mapping (proposed, or the --mapping given) "
            + "as JSON, with what inspect saw, for editing.")
    private Path write;

    @Override
    public Integer call() {
        if (graph.isBolt()) {
            throw new ParameterException(spec.commandLine(), "inspect reads an embedded database (--db) for now");
        }
        CliGraphs.requireEmbeddedFolder(graph);
        GraphMapping given = CliGraphs.givenMapping(graph);
        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedGraph embedded = graph.openEmbedded()) {
            GraphInspection seen = GraphInspector.inspect(embedded.database());
            GraphMapping mapping = given != null ? MappingCheck.check(embedded.database(), given)
                    : MappingCheck.check(embedded.database(), MappingProposal.detect(embedded.database()));
            print(seen, mapping, given != null, out);
            if (write != null) {
                MappingFile.write(write, mapping, seen);
                out.println("wrote " + TerminalText.escape(write.toString()) + " (edit it, then pass --mapping "
                        + TerminalText.escape(write.toString()) + " to ask, train, stats and bench)");
            }
        }
        out.flush();
        return 0;
    }

    private void print(GraphInspection seen, GraphMapping mapping, boolean given, PrintWriter out) {
        out.println("Graph " + TerminalText.escape(graph.describe()));
        out.println("labels:");
        for (GraphInspection.LabelInfo l : seen.labels()) {
            out.printf(Locale.ROOT, "  %s  %,d nodes%s%n", esc(l.name()), l.nodes(),
                    l.uniqueKeys().isEmpty() ? "" : "  unique: " + esc(String.join(", ", l.uniqueKeys())));
            for (Map.Entry<String, GraphInspection.PropertyInfo> p : l.properties().entrySet()) {
                out.printf(Locale.ROOT, "    %-20s %-16s %3d%%%n", esc(p.getKey()), esc(String.join("|", p.getValue().kinds())),
                        Math.round(100.0 * p.getValue().present() / Math.max(1, l.sampled())));
            }
        }
        out.println("relationship types:");
        for (Map.Entry<String, GraphInspection.RelationshipInfo> t : seen.relationships().entrySet()) {
            out.printf(Locale.ROOT, "  %s  %,d  %s%n", esc(t.getKey()), t.getValue().count(),
                    esc(String.join(", ", t.getValue().signatures().keySet())));
        }
        out.println((given ? "mapping (from --mapping, checked):" : "proposed mapping:")
                + (mapping.isAriadneLayout() ? " Ariadne's own layout (:Entity {key, name})" : ""));
        for (EntityLabel l : mapping.labels()) {
            out.println("  " + esc(l.label()) + ": key " + esc(l.keyProperty().orElse("(element id)")) + ", names "
                    + esc(l.nameProperties().toString()) + (l.aliasProperties().isEmpty() ? "" : ", aliases "
                    + esc(l.aliasProperties().toString())) + (l.attributes().isEmpty() ? "" : ", attributes "
                    + esc(l.attributes().stream().map(a -> a.relation().equals(a.property()) ? a.property()
                            : a.property() + " as " + a.relation()).toList().toString())));
        }
        if (!mapping.includedTypes().isEmpty()) {
            out.println("  only types " + esc(mapping.includedTypes().toString()));
        }
        if (!mapping.excludedTypes().isEmpty()) {
            out.println("  not types " + esc(mapping.excludedTypes().toString()));
        }
        String index = mapping.isAriadneLayout() ? GraphModel.FULLTEXT_INDEX : EntityQueries.MAPPED_FULLTEXT_INDEX;
        GraphInspection.FullTextIndex fullText = seen.fullTextIndexes().get(index);
        if (fullText == null) {
            out.println("linking's full-text index " + index + ": missing; 'ariadne index' creates it over "
                    + esc(MappedNameIndex.coverage(mapping).toString()) + " (linking works without it, on exact and "
                    + "near-exact names only)");
        } else {
            out.println("linking's full-text index " + index + ": " + (fullText.online() ? "online" : "not online yet")
                    + " over " + esc(fullText.labels().toString()) + " " + esc(fullText.properties().toString()));
        }
    }

    private static String esc(String s) {
        return TerminalText.escape(s);
    }
}
