package dev.ariadne.cypher;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.cypher.procedures.ExpandProcedure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/** Test servers: a Harness on a random local Bolt port with a real page cache and a fast shutdown. */
public final class TestServers {
    private TestServers() {
    }

    public static Neo4j harness(boolean withExpandProcedure) {
        Neo4jBuilder b = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        if (withExpandProcedure) {
            b = b.withProcedure(ExpandProcedure.class);
        }
        return b.build();
    }

    public static BoltGraph bolt(Neo4j server) {
        return BoltGraph.connect(server.boltURI(), null, AuthTokens.none());
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An embedded database in its own temporary folder, with Ariadne's schema; closing it deletes the folder. */
    public record TempGraph(Path dir, EmbeddedGraph embedded) implements AutoCloseable {
        public GraphDatabaseService database() {
            return embedded.database();
        }

        @Override
        public void close() {
            embedded.close();
            delete(dir);
        }
    }

    /** {@link TempGraph} with a 64 MiB page cache, in a folder named from {@code prefix}. */
    public static TempGraph embedded(String prefix) {
        Path dir = tempDir(prefix);
        EmbeddedGraph graph = EmbeddedGraph.open(dir, 64);
        TestGraphs.createSchema(graph.database());
        return new TempGraph(dir, graph);
    }

    /** Best-effort recursive delete of a temporary database folder. */
    public static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
