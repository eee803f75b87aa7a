package dev.ariadne.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.engine.generate.ScriptedOpenAiServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ariadne ask --generate} end to end: a graph loaded into an embedded database, the zero-shot planner,
 * and the scripted OpenAI-compatible server named by ARIADNE_LLM_BASE_URL. The key is set and must
 * appear in no output.
 */
class AskGenerateTest {
    private static final String KEY = "sk-cli-secret-0123456789";


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @AfterEach
    void restoreEnvironment() {
        GenerateOptions.environment = System::getenv;
    }

    @Test
    void generateWithoutAnEndpointFailsNamingTheVariable() {
        GenerateOptions.environment = Map.<String, String>of()::get;
        CliRun r = run("ask", "--db", "/nonexistent-ariadne-db", "--zero-shot", "--generate", "who directed [Blue Harbor]");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("ARIADNE_LLM_BASE_URL is not set"), r.err());
    }

    @Test
    void theKeyCannotBeGivenOnTheCommandLine() {
        CliRun r = run("ask", "--zero-shot", "--generate", "--api-key", KEY, "who directed [Blue Harbor]");
        assertEquals(2, r.exit());
    }

    @Test
    void endpointsAreCheckedAndNeverShowTheKey() {
        assertTrue(new LlmEndpoint(URI.create("http://localhost:11434/v1"), "llama3.1", KEY, Duration.ofSeconds(1)).toString()
                .contains("key set (hidden)"));
        assertFalse(new LlmEndpoint(URI.create("http://localhost:11434/v1"), "llama3.1", KEY, Duration.ofSeconds(1)).toString()
                .contains(KEY));
        InvalidInputException inUrl = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new LlmEndpoint(URI.create("http://user:" + KEY + "@localhost/v1"), "m", null, Duration.ofSeconds(1)));
        assertFalse(inUrl.getMessage().contains(KEY));
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> LlmEndpoint.fromEnvironment(Map.of(LlmEndpoint.BASE_URL, "ftp://x/v1", LlmEndpoint.MODEL, "m")::get));
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> LlmEndpoint.fromEnvironment(Map.of(LlmEndpoint.BASE_URL, "http://x/v1")::get));
    }

    @Test
    void askGenerateAnswersWithTheGroundedSentence(@TempDir Path dir) throws Exception {
        Path kb = Files.writeString(dir.resolve("films.txt"), String.join("\n",
                "Blue Harbor|directed_by|Ada Quill", "Night Orchard|directed_by|Ada Quill", "Night Orchard|starred_actors|Tomas Reed", ""));
        String db = dir.resolve("db").toString();
        assertEquals(0, run("load", "--db", db, "--progress", "none", kb.toString()).exit());
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer(ScriptedOpenAiServer.Reply.completion(
                "{\"answer\": \"Blue Harbor was directed by Ada Quill.\", \"entities\": [\"Ada Quill\", \"Orson Welles\"]}"))) {
            GenerateOptions.environment = Map.of(LlmEndpoint.BASE_URL, server.baseUrl(), LlmEndpoint.MODEL, "scripted-model",
                    LlmEndpoint.API_KEY, KEY)::get;
            CliRun r = run("ask", "--db", db, "--zero-shot", "--hops", "1", "--plans", "1", "--min-confidence", "0", "--generate", "who directed [Blue Harbor]");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Answer: Blue Harbor was directed by Ada Quill.\n"), r.out());
            assertTrue(r.out().contains("Generation (scripted-model): GROUNDED"), r.out());
            assertTrue(r.out().contains("ungrounded (not on any retrieved path, not answered): Orson Welles"), r.out());
            assertEquals("Bearer " + KEY, server.authorizations().get(0));
            CliRun json = run("ask", "--db", db, "--zero-shot", "--hops", "1", "--plans", "1", "--min-confidence", "0", "--generate", "--json",
                    "who directed [Blue Harbor]");
            assertEquals(0, json.exit(), json.err());
            assertTrue(json.out().contains("\"status\" : \"GROUNDED\""), json.out());
            for (CliRun x : new CliRun[] {r, json}) {
                assertFalse(x.out().contains(KEY) || x.err().contains(KEY), "the key was printed");
            }
        }
    }
}
