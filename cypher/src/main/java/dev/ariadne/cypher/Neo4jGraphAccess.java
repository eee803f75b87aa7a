package dev.ariadne.cypher;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.MappingCheck;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import java.util.Objects;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Entry points to Ariadne's Neo4j access. Retrieval semantics (direction, each relationship once per
 * path, caps, key order, timeout) are the same for every variant; see {@code docs/retrieval.md}.
 * <pre>{@code
 * try (EmbeddedGraph g = EmbeddedGraph.open(folder)) {
 *     GraphAccess access = Neo4jGraphAccess.embedded(g);
 *     RetrievalResult r = access.retriever().retrieve(topic, RelationPath.parse("~directed_by,in_language"),
 *             RetrievalLimits.DEFAULT);
 * }
 * }</pre>
 */
public final class Neo4jGraphAccess {
    private Neo4jGraphAccess() {
    }

    /** An embedded database: retrieval on the kernel cursors in this JVM. */
    public static GraphAccess embedded(EmbeddedGraph graph) {
        return embedded(graph, GraphMapping.ariadneLayout());
    }

    /**
     * An embedded database read through {@code mapping}, checked against it now ({@link MappingCheck}: an
     * unknown label, property or type, or a key that is not unique, fails here with one line).
     */
    public static GraphAccess embedded(EmbeddedGraph graph, GraphMapping mapping) {
        Objects.requireNonNull(graph, "graph");
        return new EmbeddedAccess(graph.database(), "embedded " + graph.folder() + " (kernel cursors)"
                + (mapping.isAriadneLayout() ? "" : " through a mapping of " + mapping.labels().size() + " labels"),
                MappingCheck.check(graph.database(), mapping));
    }

    /**
     * A database in this JVM given directly, e.g. the {@code @Context GraphDatabaseService} of a procedure
     * (queries run in their own transactions) or a test harness's database.
     */
    public static GraphAccess inProcess(GraphDatabaseService db) {
        Objects.requireNonNull(db, "db");
        return inProcess(db, GraphMapping.ariadneLayout());
    }

    /** {@link #inProcess(GraphDatabaseService)} through {@code mapping}, checked now. */
    public static GraphAccess inProcess(GraphDatabaseService db, GraphMapping mapping) {
        Objects.requireNonNull(db, "db");
        return new EmbeddedAccess(db, "in-process database " + db.databaseName() + " (kernel cursors)",
                MappingCheck.check(db, mapping));
    }

    /**
     * A server over Bolt: retrieval calls {@code ariadne.expand} when the server has it (checked once,
     * now), and otherwise runs templated Cypher per hop.
     */
    public static GraphAccess bolt(BoltGraph graph) {
        Objects.requireNonNull(graph, "graph");
        return bolt(graph, BoltRetriever.hasProcedure(graph) ? BoltRetriever.Mode.PROCEDURE : BoltRetriever.Mode.CYPHER);
    }

    /** A server over Bolt with the retrieval mode chosen by the caller (tests, benchmarks). */
    public static GraphAccess bolt(BoltGraph graph, BoltRetriever.Mode mode) {
        Objects.requireNonNull(graph, "graph");
        return new BoltAccess(graph, mode);
    }
}
