package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.benchmarks.dataset.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ariadne bench --planner llm}: the option's checks, and that the run hands the endpoint from the
 * environment to the engine session instead of training (the runner's logic, over the oracle session; the
 * LLM planner itself is tested in the engine's LlmPlannerTest).
 */
class BenchLlmPlannerTest {
    private static final String KEY = "sk-bench-secret-5";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        BenchCommand.environment = System::getenv;
    }

    private int run(OracleSession session, String... args) {
        return BenchCommand.execute(new BenchCommand(() -> session,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    @Test
    void llmPlannerRunUsesTheEndpointAndTrainsNothing() throws Exception {
        BenchCommand.environment = Map.of("ARIADNE_LLM_BASE_URL", "http://127.0.0.1:9/v1", "ARIADNE_LLM_MODEL", "llama3.1:8b",
                "ARIADNE_LLM_API_KEY", KEY)::get;
        OracleSession session = new OracleSession();
        Path outDir = tmp.resolve("bench");
        int code = run(session, "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(), "--planner", "llm",
                "--eval", "dev", "--hops", "1", "--out", outDir.toString(), "--no-progress", "--warmup", "0");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("llama3.1:8b", session.llmEndpoint.model());
        assertFalse(Files.exists(outDir.resolve(BenchmarkRun.TRAINED_MODEL)), "nothing is trained");
        var json = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
        assertEquals("llm:llama3.1:8b@http://127.0.0.1:9/v1", json.at("/model/file").asText());
        assertTrue(json.at("/dataset/evalQuestions").asInt() > 0);
        for (Path f : new Path[] {outDir.resolve("report.json"), outDir.resolve("report.md")}) {
            assertFalse(Files.readString(f).contains(KEY), "the key is in " + f);
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(KEY));
    }

    @Test
    void llmPlannerOptionsAreChecked() {
        BenchCommand.environment = Map.<String, String>of()::get;
        String data = Fixtures.path("metaqa-mini").toString();
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--data", data, "--planner", "llm", "--no-progress"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ARIADNE_LLM_BASE_URL is not set"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--data", data, "--planner", "llm", "--train", "dev"));
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--data", data, "--planner", "gpt"));
    }
}
