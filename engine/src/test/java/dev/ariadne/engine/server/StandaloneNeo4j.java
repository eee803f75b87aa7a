package dev.ariadne.engine.server;

import dev.ariadne.connect.BoltGraph;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;

/**
 * A real, standalone Neo4j 5.26 Community server for integration tests: the server's jars (copied by the
 * maven-dependency-plugin into target/neo4j-server/lib in pre-integration-test, without any Ariadne jar)
 * started as a separate JVM on a loopback port, with its data in a folder of the test's. It can be
 * stopped and started again on the same folder and port, which is how the fault tests restart it.
 * As Neo4j's launcher does, each start reads the {@code server.jvm.additional} lines of the (possibly
 * rewritten) neo4j.conf and passes them to the server JVM; {@link #environment} sets or removes variables
 * of the server process.
 */
public final class StandaloneNeo4j implements AutoCloseable {
    private static final Path LIB = Path.of("target/neo4j-server/lib").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final List<String> command;
    private final URI uri;
    private final Path log;
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private Process process;
    private int starts;

    private StandaloneNeo4j(Path home, List<String> command, URI uri) {
        this.home = home;
        this.command = command;
        this.uri = uri;
        this.log = home.resolve("server.log");
    }

    /**
     * A server in {@code home} (not started): {@code plugins} may be null (no plugin folder),
     * {@code extraConf} are extra neo4j.conf lines, {@code jvmArgs} extra server JVM arguments.
     */
    public static StandaloneNeo4j in(Path home, Path plugins, List<String> extraConf, List<String> jvmArgs) throws IOException {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException("run through 'mvn verify': " + LIB + " is made in pre-integration-test");
        }
        int port = freePort();
        Path conf = Files.createDirectories(home.resolve("conf"));
        List<String> lines = new ArrayList<>(List.of(
                "server.default_listen_address=127.0.0.1",
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=false",
                "server.memory.pagecache.size=64m",
                "dbms.netty.ssl.provider=JDK"));
        if (plugins != null) {
            lines.add("server.directories.plugins=" + plugins);
        }
        lines.addAll(extraConf);
        Files.writeString(conf.resolve("neo4j.conf"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-Xss16m");
        cmd.addAll(jvmArgs);
        // server.jvm.additional lines of neo4j.conf go here, read at each start
        cmd.add("-cp");
        // the classpath Neo4j's own launcher builds: plugins first, then the server's jars
        cmd.add((plugins == null ? "" : plugins + "/*" + java.io.File.pathSeparator) + LIB + "/*");
        cmd.add("org.neo4j.server.CommunityEntryPoint");
        cmd.add("--home-dir=" + home);
        cmd.add("--config-dir=" + conf);
        return new StandaloneNeo4j(home, List.copyOf(cmd), URI.create("bolt://127.0.0.1:" + port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public URI uri() {
        return uri;
    }

    public Path home() {
        return home;
    }

    /** The neo4j.conf this server reads at each start; a test may rewrite it between starts. */
    public Path conf() {
        return home.resolve("conf").resolve("neo4j.conf");
    }

    /**
     * Sets (or, with a null value, removes) a variable of the server process's environment from the next start
     * on; the values are never printed.
     */
    public StandaloneNeo4j environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The server JVM's command for this start: the fixed command with neo4j.conf's server.jvm.additional lines. */
    private List<String> commandForStart() throws IOException {
        List<String> cmd = new ArrayList<>(command);
        int at = cmd.indexOf("-cp");
        for (String line : Files.readAllLines(conf(), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.startsWith("server.jvm.additional=")) {
                cmd.add(at++, l.substring("server.jvm.additional=".length()).strip());
            }
        }
        return cmd;
    }

    /** Starts the server (again, on the same folder and port) and returns once Bolt answers. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is already running");
        }
        starts++;
        ProcessBuilder pb = new ProcessBuilder(commandForStart()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.forEach((name, value) -> {
            if (value == null) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        Files.writeString(log, "---- start " + starts + " ----\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            // a query, not only a handshake: after a crash the database recovers after Bolt already answers
            try (BoltGraph probe = BoltGraph.connect(uri, null, AuthTokens.none());
                 org.neo4j.driver.Session s = probe.driver().session(probe.sessionConfig())) {
                s.run("RETURN 1").consume();
                return;
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Neo4j did not start; its log:\n" + Files.readString(log), notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A driver connection to the running server; the caller closes it. */
    public BoltGraph connect() {
        return BoltGraph.connect(uri, null, AuthTokens.none());
    }

    /** Kills the server at once (SIGKILL: no clean shutdown, as in a crash or an out-of-memory kill). */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Stops the server cleanly (SIGTERM), killing it when it takes over a minute. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The server's console output of every start so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
