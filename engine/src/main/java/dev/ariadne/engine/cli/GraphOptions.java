package dev.ariadne.engine.cli;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the graph is: an embedded database folder ({@code --db}, the default) or a Neo4j server, cluster
 * or Aura instance ({@code --uri}). Credentials for a server come only from the environment
 * ({@code ARIADNE_NEO4J_USER}, {@code ARIADNE_NEO4J_PASSWORD}), never from the command line.
 */
public final class GraphOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Embedded database folder (default: ./" + "ariadne-data).")
    private Path db;

    @Option(names = "--uri", paramLabel = "URI",
            description = "A Neo4j server instead of the embedded database: bolt://host:7687, neo4j://..., neo4j+s://..."
                    + " Credentials come from ARIADNE_NEO4J_USER and ARIADNE_NEO4J_PASSWORD.")
    private String uri;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Which labels, keys, names and relationship types of the graph Ariadne answers over (JSON; "
                    + "write one with 'ariadne inspect --write FILE'). Default: detected from the database.")
    private Path mapping;

    @Option(names = "--database", paramLabel = "NAME", description = "Database on the server (with --uri; default: the server's).")
    private String database;

    /** True when a server was named with {@code --uri}. */
    public boolean isBolt() {
        check();
        return uri != null;
    }

    /** The embedded folder, {@code ./ariadne-data} unless {@code --db} says otherwise. */
    public Path folder() {
        return db != null ? db : EmbeddedGraph.DEFAULT_FOLDER;
    }

    /** The {@code --mapping} file, or null to detect the mapping from the database. */
    public Path mappingFile() {
        check();
        return mapping;
    }

    public EmbeddedGraph openEmbedded() {
        check();
        return EmbeddedGraph.open(folder());
    }

    public BoltGraph connectBolt() {
        check();
        return BoltGraph.connect(parsedUri(), database);
    }

    /** Where the graph is, for messages: the folder or the URI (never credentials). */
    public String describe() {
        return uri != null ? parsedUri().getScheme() + "://" + parsedUri().getHost()
                + (parsedUri().getPort() > 0 ? ":" + parsedUri().getPort() : "") : folder().toString();
    }

    private URI parsedUri() {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new ParameterException(mixee.commandLine(), "invalid --uri '" + uri + "': " + e.getReason());
        }
    }

    private void check() {
        if (uri != null && db != null) {
            throw new ParameterException(mixee.commandLine(), "give either --db (embedded) or --uri (server), not both");
        }
        if (uri != null && mapping != null) {
            throw new ParameterException(mixee.commandLine(), "--mapping works on an embedded database (--db) for now; "
                    + "over --uri Ariadne reads its own (:Entity {key, name}) layout");
        }
        if (uri == null && database != null) {
            throw new ParameterException(mixee.commandLine(), "--database applies only with --uri");
        }
        if (uri != null) {
            parsedUri();
        }
    }
}
