package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.benchmarks.dataset.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner over the real engine (embedded Neo4j, ONNX encoder, planner training) on the hand-written
 * MetaQA-layout fixture: loads, trains, answers, reports, then reuses the database on a second run with
 * the saved planner. Needs no ../shared data. Accuracy on six questions is not asserted beyond the
 * guarantees that hold for any planner: every returned answer is backed by a path, and no plan is invalid.
 */
class AriadneSessionIT {
    @TempDir
    Path tmp;

    @Test
    void trainsAnswersAndReportsOverTheRealEngine() throws Exception {
        Path out = tmp.resolve("bench");
        Path db = tmp.resolve("db");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = BenchCommand.execute(new BenchCommand(AriadneSession::new,
                        new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err),
                "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(), "--train", "dev",
                "--eval", "dev", "--hops", "1,2", "--out", out.toString(), "--db", db.toString(), "--no-progress",
                "--warmup", "2");
        assertEquals(0, code);
        JsonNode r = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(6, r.at("/metrics/overall/questions").asInt());
        assertEquals(false, r.at("/graph/reused").asBoolean());
        assertEquals(14, r.at("/graph/triples").asInt());
        assertTrue(r.at("/metrics/overall/faithfulness").isNull() || r.at("/metrics/overall/faithfulness").asDouble() == 1.0);
        assertTrue(r.at("/metrics/overall/invalidPlanRate").isNull() || r.at("/metrics/overall/invalidPlanRate").asDouble() == 0.0);
        assertTrue(Files.size(out.resolve("planner.model")) > 0);

        Path out2 = tmp.resolve("again");
        code = BenchCommand.execute(new BenchCommand(AriadneSession::new,
                        new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err),
                "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(),
                "--model", out.resolve("planner.model").toString(), "--eval", "dev", "--hops", "1,2",
                "--out", out2.toString(), "--db", db.toString(), "--no-progress", "--warmup", "0");
        assertEquals(0, code);
        JsonNode r2 = new ObjectMapper().readTree(out2.resolve("report.json").toFile());
        assertEquals(true, r2.at("/graph/reused").asBoolean());
        assertEquals(r.at("/metrics/overall/byKey/hits1").asDouble(), r2.at("/metrics/overall/byKey/hits1").asDouble(),
                "the saved planner answers as the trained one did");
    }
}
