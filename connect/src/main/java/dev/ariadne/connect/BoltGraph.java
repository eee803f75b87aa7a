package dev.ariadne.connect;

import org.neo4j.driver.AccessMode;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;

/**
 * A connection to a Neo4j server, cluster or Aura instance over Bolt ({@code bolt://}, {@code neo4j://}
 * and their {@code +s}/{@code +ssc} variants). Credentials come from the environment, never from a
 * command line: {@code ARIADNE_NEO4J_USER}/{@code ARIADNE_NEO4J_PASSWORD}, else
 * {@code NEO4J_USERNAME}/{@code NEO4J_PASSWORD}; none set means no authentication.
 */
public final class BoltGraph implements AutoCloseable {
    /**
     * How long the driver retries a managed transaction ({@code executeRead}/{@code executeWrite}) after a
     * transient failure. Its own default, 30 s, kept a question waiting for a server that was down far past
     * the question's deadline (default query budget 5 s); a few seconds still ride out a leader switch or
     * a deadlock.
     */
    public static final Duration RETRY_TIME = Duration.ofSeconds(2);
    /** Opening one connection; the driver's 30 s default would let a silent server stall a question. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Waiting for a pooled connection; the driver's 60 s default would stall a question likewise. */
    public static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    private final URI uri;
    private final Driver driver;
    private final String database;

    private BoltGraph(URI uri, Driver driver, String database) {
        this.uri = uri;
        this.driver = driver;
        this.database = database;
    }

    /** Connects with credentials from the process environment; {@code database} null means the default. */
    public static BoltGraph connect(URI uri, String database) {
        return connect(uri, database, authFromEnvironment(System.getenv()));
    }

    public static BoltGraph connect(URI uri, String database, AuthToken auth) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
            throw new InvalidInputException("unsupported URI '" + uri + "': expected one of " + SCHEMES
                    + " (for example bolt://localhost:7687)");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("do not put credentials in the URI '" + uri.getScheme() + "://"
                    + uri.getHost() + "...': set ARIADNE_NEO4J_USER and ARIADNE_NEO4J_PASSWORD instead");
        }
        Driver driver = GraphDatabase.driver(uri, auth, driverConfig());
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new GraphUnavailableException("cannot reach Neo4j at " + uri + ": " + EmbeddedGraph.rootMessage(e), e);
        }
        return new BoltGraph(uri, driver, database);
    }

    /** The driver settings that bound how long a call can wait on an unreachable server. */
    static Config driverConfig() {
        return Config.builder()
                .withMaxTransactionRetryTime(RETRY_TIME.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(ACQUISITION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    public static AuthToken authFromEnvironment(Map<String, String> env) {
        String user = firstSet(env, "ARIADNE_NEO4J_USER", "NEO4J_USERNAME", "NEO4J_USER");
        String password = firstSet(env, "ARIADNE_NEO4J_PASSWORD", "NEO4J_PASSWORD");
        if (user == null && password == null) {
            return AuthTokens.none();
        }
        return AuthTokens.basic(user == null ? "neo4j" : user, password == null ? "" : password);
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    public URI uri() {
        return uri;
    }

    public Driver driver() {
        return driver;
    }

    /** Session settings for the configured database (the server default when none was named). */
    public SessionConfig sessionConfig() {
        return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    /** {@link #sessionConfig} for reads: a cluster routes them to a reader, and writes are refused. */
    public SessionConfig readSessionConfig() {
        SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        return (database == null ? b : b.withDatabase(database)).build();
    }

    @Override
    public void close() {
        driver.close();
    }
}
