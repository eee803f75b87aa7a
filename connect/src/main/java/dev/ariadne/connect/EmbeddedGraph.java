package dev.ariadne.connect;

import dev.ariadne.core.error.GraphUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * An embedded Neo4j 5 database in a local folder: Ariadne's default, with no server to install.
 * The page cache is set explicitly because Neo4j's small default makes traversals several times slower.
 */
public final class EmbeddedGraph implements AutoCloseable {
    /** The folder used when none is given. */
    public static final Path DEFAULT_FOLDER = Path.of("ariadne-data");
    public static final long DEFAULT_PAGE_CACHE_MIB = 512;

    private final Path folder;
    private final DatabaseManagementService management;
    private final GraphDatabaseService database;

    private EmbeddedGraph(Path folder, DatabaseManagementService management, GraphDatabaseService database) {
        this.folder = folder;
        this.management = management;
        this.database = database;
    }

    public static EmbeddedGraph open(Path folder) {
        return open(folder, DEFAULT_PAGE_CACHE_MIB);
    }

    public static EmbeddedGraph open(Path folder, long pageCacheMib) {
        Objects.requireNonNull(folder, "folder");
        if (pageCacheMib < 8) {
            throw new IllegalArgumentException("page cache must be at least 8 MiB: " + pageCacheMib);
        }
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new GraphUnavailableException("cannot create database folder " + dir + ": " + e.getMessage(), e);
        }
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dir)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMib))
                    // Keep only a small transaction log: the embedded store is a local working copy.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                    .build();
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("cannot open embedded Neo4j database in " + dir + ": "
                    + rootMessage(e), e);
        }
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        registerShutdownHook(dbms);
        return new EmbeddedGraph(dir, dbms, db);
    }

    private static void registerShutdownHook(DatabaseManagementService dbms) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (RuntimeException ignored) {
                // Already shut down by close(); nothing left to release.
            }
        }, "ariadne-embedded-shutdown"));
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    public Path folder() {
        return folder;
    }

    public GraphDatabaseService database() {
        return database;
    }

    public DatabaseManagementService management() {
        return management;
    }

    @Override
    public void close() {
        management.shutdown();
    }
}
