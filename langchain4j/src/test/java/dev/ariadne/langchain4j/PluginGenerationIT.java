package dev.ariadne.langchain4j;

import dev.ariadne.engine.generate.ScriptedOpenAiServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.engine.server.PluginFixtures;
import dev.ariadne.engine.server.StandaloneNeo4j;
import dev.ariadne.engine.generate.ScriptedOpenAiServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Generation inside a real Neo4j 5.26 server: ariadne-plugin.jar and the add-on ariadne-plugin-llm.jar in its
 * plugins folder, the endpoint named in neo4j.conf with {@code server.jvm.additional=-Dariadne.llm...} (the
 * test's server reads those lines at each start, as Neo4j's launcher does), the API key in the server
 * process's environment, and a scripted OpenAI-compatible server on 127.0.0.1 as the model. One server,
 * restarted twice: without the add-on jar, then without an endpoint. The jar checks need no server.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginGenerationIT {
    private static final String QUESTION = "Who directed [Copper Moon]?";
    private static final String DIRECTOR = "Oskar Lindqvist-Bray";
    private static final String SENTENCE = "Copper Moon was directed by Oskar Lindqvist-Bray.";
    /** A made-up key: it must reach the model server as the bearer token and appear nowhere else. */
    private static final String KEY = "sk-ariadne-it-" + Long.toHexString(System.nanoTime());
    private static final Path ADD_ON = Path.of("target/ariadne-plugin-llm.jar").toAbsolutePath();
    private static final Path SERVER_LIB = Path.of("target/neo4j-server/lib").toAbsolutePath();

    @TempDir
    static Path home;
    private static Path pluginJar;
    private static Path plugins;
    private static ScriptedOpenAiServer llm;
    private static StandaloneNeo4j server;
    private static BoltGraph bolt;

    @BeforeAll
    static void startServer() throws Exception {
        pluginJar = Path.of(System.getProperty("ariadne.pluginJar", "../engine/target/ariadne-plugin.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(pluginJar), "build the engine in the same run (mvn -pl langchain4j -am verify): " + pluginJar);
        assertTrue(Files.isRegularFile(ADD_ON), "run through 'mvn verify': " + ADD_ON + " is made in package");
        llm = new ScriptedOpenAiServer(
                Reply.completion("{\"answer\": \"" + SENTENCE + "\", \"entities\": [\"" + DIRECTOR + "\"]}"),
                // a name on no retrieved path (and in no graph): it must never become an answer
                Reply.completion("{\"answer\": \"Copper Moon was directed by Ingrid Falkenrath.\", \"entities\": [\"Ingrid Falkenrath\"]}"));
        plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve("ariadne-plugin.jar"));
        Files.copy(ADD_ON, plugins.resolve("ariadne-plugin-llm.jar"));
        Path model = home.resolve("planner.ariadne");
        PluginFixtures.trainPlanner(model);
        server = StandaloneNeo4j.in(home, plugins, List.of(
                        "dbms.security.procedures.unrestricted=ariadne.*",
                        "server.jvm.additional=-Dariadne.planner_model=" + model,
                        "server.jvm.additional=-Dariadne.llm.base_url=" + llm.baseUrl(),
                        "server.jvm.additional=-Dariadne.llm.model=scripted-model"),
                List.of());
        // the key only through the environment; nothing else of the test runner's ARIADNE_LLM_* settings
        server.environment("ARIADNE_LLM_API_KEY", KEY).environment("ARIADNE_LLM_BASE_URL", null)
                .environment("ARIADNE_LLM_MODEL", null).environment("ARIADNE_LLM_TIMEOUT_MS", null);
        server.start();
        bolt = server.connect();
        PluginFixtures.loadQuickstart(bolt, home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bolt != null) {
            bolt.close();
        }
        if (server != null) {
            server.stop();
        }
        if (llm != null) {
            llm.close();
        }
    }

    private static List<Record> ask(String config) {
        try (Session s = bolt.driver().session()) {
            return s.executeRead(tx -> tx.run("CALL ariadne.ask($q, " + config + ") YIELD rank, answer, key, generated RETURN *",
                    Map.of("q", QUESTION)).list());
        }
    }

    private static void restart() throws Exception {
        bolt.close();
        server.stop();
        server.start();
        bolt = server.connect();
    }

    @Test
    @Order(1)
    void theAddOnHoldsOnlyWhatNeitherTheServerNorThePluginHas() throws IOException {
        Set<String> addOn = classes(ADD_ON);
        for (String expected : List.of("dev/ariadne/langchain4j/OpenAiGeneratorProvider.class",
                "dev/ariadne/engine/generate/GeneratingReasoner.class", "dev/ariadne/engine/generate/LlmPlanner.class",
                "dev/langchain4j/model/chat/ChatModel.class", "dev/langchain4j/model/openai/OpenAiChatModel.class",
                "dev/langchain4j/http/client/jdk/JdkHttpClient.class", "com/knuddels/jtokkit/Encodings.class")) {
            assertTrue(addOn.contains(expected), "missing from the add-on: " + expected);
        }
        try (JarFile jar = new JarFile(ADD_ON.toFile())) {
            ZipEntry services = jar.getEntry("META-INF/services/dev.ariadne.core.generate.AnswerGeneratorProvider");
            assertTrue(services != null, "the add-on registers no AnswerGeneratorProvider");
            assertEquals("dev.ariadne.langchain4j.OpenAiGeneratorProvider",
                    new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        List<String> foreign = addOn.stream().filter(c -> !(c.startsWith("dev/ariadne/langchain4j/OpenAiGeneratorProvider")
                || c.startsWith("dev/ariadne/engine/generate/") || c.startsWith("dev/langchain4j/")
                || c.startsWith("com/knuddels/jtokkit/") || c.startsWith("org/jspecify/"))).toList();
        assertEquals(List.of(), foreign, "classes the add-on should not ship (the server or ariadne-plugin.jar has them)");

        // no class in both jars, nor in one of the server's jars
        Set<String> plugin = classes(pluginJar);
        assertEquals(Set.of(), intersection(addOn, plugin), "classes in both ariadne-plugin.jar and the add-on");
        List<String> clashes = new ArrayList<>();
        try (var jars = Files.list(SERVER_LIB)) {
            for (Path lib : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Set<String> shared = intersection(addOn, classes(lib));
                if (!shared.isEmpty()) {
                    clashes.add(lib.getFileName() + ": " + shared.stream().limit(5).toList());
                }
            }
        }
        assertEquals(List.of(), clashes, "add-on classes the server already has");

        // ariadne-plugin.jar alone must load: none of its classes may name a type only the add-on brings
        List<String> refersToAddOn = new ArrayList<>();
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            for (var e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String bytes = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                for (String type : List.of("dev/ariadne/engine/generate/", "dev/ariadne/langchain4j/", "dev/langchain4j/model/chat/",
                        "dev/langchain4j/model/openai/", "dev/langchain4j/http/")) {
                    if (bytes.contains(type)) {
                        refersToAddOn.add(e.getName() + " -> " + type);
                    }
                }
            }
        }
        assertEquals(List.of(), refersToAddOn, "ariadne-plugin.jar classes referring to add-on types");
    }

    @Test
    @Order(2)
    void aGroundedReplyIsTheAnswerAndItsSentence() throws IOException {
        List<Record> rows = ask("{generate: true}");
        assertFalse(rows.isEmpty(), "no rows; server log:\n" + server.log());
        for (Record r : rows) {
            assertEquals(DIRECTOR, r.get("key").asString());
            assertEquals(SENTENCE, r.get("generated").asString());
        }
        assertEquals(1, llm.requests().size(), "one model call");
        assertTrue(llm.prompts().get(0).contains("Copper Moon -> directed_by -> " + DIRECTOR), llm.prompts().get(0));
        // the key from the server's environment reached the model server, and is nowhere in the server's output
        assertTrue(("Bearer " + KEY).equals(llm.authorizations().get(0)), "the request did not carry the server's API key");
        assertFalse(server.log().contains(KEY), "the API key is in the server's log");
        // Neo4j inspected every class of both jars at start without a failure
        Path debugLog = home.resolve("logs/debug.log");
        assertTrue(Files.isRegularFile(debugLog), "no " + debugLog);
        String logs = server.log() + Files.readString(debugLog, StandardCharsets.UTF_8);
        assertFalse(logs.contains("Failed to load procedures"), "Neo4j could not load a plugin class:\n" + logs);
        assertFalse(logs.contains(KEY), "the API key is in the server's debug.log");
    }

    @Test
    @Order(3)
    void anInventedEntityIsNeverAnAnswer() {
        List<Record> rows = ask("{generate: true}");
        assertEquals(2, llm.requests().size(), "one more model call");
        assertFalse(rows.isEmpty(), "the path answer is kept when the model names nothing grounded");
        for (Record r : rows) {
            assertFalse(r.get("answer").asString().contains("Falkenrath"), "an ungrounded name was answered: " + r);
            assertEquals(DIRECTOR, r.get("key").asString(), "the path reasoner's answer");
            assertNull(r.get("generated").asString(null), "no sentence when nothing was grounded");
        }
    }

    @Test
    @Order(4)
    void withoutTheAddOnGenerationFailsClearlyAndAskStillWorks() throws Exception {
        Files.delete(plugins.resolve("ariadne-plugin-llm.jar"));
        restart();
        ClientException e = assertThrows(ClientException.class, () -> ask("{generate: true}"));
        assertTrue(e.getMessage().contains("generation needs an LLM client"), e.getMessage());
        assertEquals(DIRECTOR, ask("{}").get(0).get("key").asString());
        assertEquals(2, llm.requests().size(), "no model call without the add-on");
    }

    @Test
    @Order(5)
    void withoutAnEndpointGenerationIsOff() throws Exception {
        List<String> conf = Files.readAllLines(server.conf(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("-Dariadne.llm.")).collect(Collectors.toList());
        Files.write(server.conf(), conf, StandardCharsets.UTF_8);
        restart();
        ClientException e = assertThrows(ClientException.class, () -> ask("{generate: true}"));
        assertTrue(e.getMessage().contains("config 'generate: true' is off on this server"), e.getMessage());
        assertEquals(2, llm.requests().size(), "no model call without an endpoint");
    }

    private static Set<String> classes(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/versions/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return new TreeSet<>(out);
    }
}
