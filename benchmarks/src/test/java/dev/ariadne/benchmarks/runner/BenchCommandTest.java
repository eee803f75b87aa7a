package dev.ariadne.benchmarks.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.benchmarks.dataset.Fixtures;
import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.SourceLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(OracleSession session, String... args) {
        return BenchCommand.execute(new BenchCommand(() -> session,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                args);
    }

    private String lastStdoutLine() {
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void metaQaRunWritesReportsAndPrintsTheReportPathLast() throws IOException {
        OracleSession session = new OracleSession();
        Path outDir = tmp.resolve("bench");
        int code = run(session, "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(),
                "--train", "dev", "--eval", "dev", "--hops", "1,2", "--out", outDir.toString(), "--no-progress",
                "--warmup", "2", "--threads", "2");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(outDir.resolve("report.md").toAbsolutePath().normalize().toString(), lastStdoutLine());
        for (String f : List.of("report.json", "report.md", "predictions.jsonl", "accuracy-by-hop.png",
                "accuracy-by-type.png", "latency-by-stage.png", "planner.model")) {
            assertTrue(Files.size(outDir.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
        assertEquals(6, json.at("/dataset/evalQuestions").asInt());
        assertEquals(1.0, json.at("/metrics/overall/byKey/hits1").asDouble());
        assertEquals(1.0, json.at("/metrics/overall/faithfulness").asDouble());
        assertEquals(4, json.at("/metrics/byHop/1/questions").asInt());
        assertEquals(2, json.at("/metrics/byHop/2/questions").asInt());
        assertEquals(1.0, json.at("/metrics/byType/actor_to_movie_to_director/pathAccuracy").asDouble());
        assertEquals(2, json.at("/timing/threads").asInt());
        assertEquals(64, json.at("/model/sha256").asText().length());
        assertTrue(json.at("/dataset/sha256").size() >= 5, "kb + 2 question files + 2 type files");
        assertTrue(json.at("/run/cores").asInt() >= 1);

        String md = Files.readString(outDir.resolve("report.md"));
        assertTrue(md.contains("| TransferNet | 97.5 | 100.0 | 100.0 |"), md);
        assertTrue(md.contains("| **Ariadne (this run)** | **100.0** | **100.0** | - |"), md);
        assertTrue(md.contains("CC BY 3.0"), md);
        assertTrue(md.contains("Hit (RoG's Hits@1)"), md);
        assertEquals(6, Files.readAllLines(outDir.resolve("predictions.jsonl")).size());
        // 6 evaluated + 2 warm-up
        assertEquals(8, session.answered.get());
    }

    @Test
    void trainingFromTheGraphMixesASampledLabelledSplitAndAsksPlainQuestions() throws IOException {
        OracleSession session = new OracleSession();
        Path outDir = tmp.resolve("graph");
        int code = run(session, "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(),
                "--train", "graph+dev", "--train-sample", "1", "--labelled-weight", "5", "--plain-questions", "--eval", "dev",
                "--hops", "1,2", "--out", outDir.toString(), "--no-progress", "--warmup", "0");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(2, session.graphLabelled, "one labelled question per hop");
        assertEquals(5, session.graphWeight);
        JsonNode json = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
        assertEquals("graph+dev", json.at("/dataset/trainSplit").asText());
        assertEquals(6, session.asked.size());
        session.asked.forEach(q -> assertTrue(!q.contains("[") && !q.contains("]"), q));

        OracleSession alone = new OracleSession();
        assertEquals(0, run(alone, "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(), "--train", "graph",
                "--eval", "dev", "--hops", "1", "--out", tmp.resolve("alone").toString(), "--no-progress", "--warmup", "0"));
        assertEquals(0, alone.graphLabelled, "the graph alone reads no labelled question");
        assertEquals("graph", new ObjectMapper().readTree(tmp.resolve("alone/report.json").toFile()).at("/dataset/trainSplit").asText());
    }

    @Test
    void anExistingGraphIsScoredAsItIsWithoutAKb() throws IOException {
        Path db = Files.createDirectories(tmp.resolve("users-db"));
        Path mapping = Files.writeString(tmp.resolve("map.json"), "{}");
        Path model = Files.writeString(tmp.resolve("planner.model"), "trained elsewhere");
        OracleSession session = new OracleSession();
        int code = run(session, "--dataset", "jsonl", "--questions", Fixtures.path("jsonl/mini.jsonl").toString(),
                "--existing-graph", "--db", db.toString(), "--mapping", mapping.toString(), "--model", model.toString(),
                "--eval", "dev", "--out", tmp.resolve("existing").toString(), "--no-progress", "--warmup", "0");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(db, session.existingDb);
        assertEquals(java.util.Optional.of(mapping), session.existingMapping);
        assertEquals(0, session.loads.get(), "nothing is loaded into an existing graph");

        assertEquals(2, run(new OracleSession(), "--dataset", "jsonl", "--questions", Fixtures.path("jsonl/mini.jsonl").toString(),
                "--mapping", mapping.toString(), "--model", model.toString(), "--eval", "dev", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--mapping reads an existing graph: add --existing-graph"));
        assertEquals(2, run(new OracleSession(), "--dataset", "jsonl", "--questions", Fixtures.path("jsonl/mini.jsonl").toString(),
                "--existing-graph", "--model", model.toString(), "--eval", "dev", "--out", tmp.resolve("y").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--existing-graph needs --db DIR"));
    }

    @Test
    void theDatabaseIsReusedWhenTheKbMatches() {
        OracleSession session = new OracleSession();
        String[] args = {"--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(), "--train", "dev",
                "--eval", "dev", "--hops", "1", "--out", tmp.resolve("b").toString(), "--db", tmp.resolve("db").toString(),
                "--no-progress", "--warmup", "0"};
        assertEquals(0, run(session, args));
        assertEquals(0, run(session, args));
        assertEquals(1, session.loads.get(), "the second run reuses the database");
    }

    @Test
    void aTrainedPlannerFileCanBeEvaluatedWithoutTraining() throws IOException {
        Path model = Files.writeString(tmp.resolve("planner.model"), "trained elsewhere");
        int code = run(new OracleSession(), "--dataset", "metaqa", "--data", Fixtures.path("metaqa-mini").toString(),
                "--model", model.toString(), "--eval", "test", "--hops", "1", "--out", tmp.resolve("t").toString(),
                "--no-progress");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("t/report.json").toFile());
        assertEquals(false, json.at("/model/trained").asBoolean());
        assertEquals(2, json.at("/metrics/overall/failed").asInt(), "the oracle has no plan without a gold path");
        assertTrue(json.at("/metrics/overall/pathAccuracy").isNull());
    }

    @Test
    void irnAndJsonLinesRuns() throws IOException {
        int code = run(new OracleSession(), "--dataset", "worldcup", "--kb", Fixtures.path("irn/wc-kb.txt").toString(),
                "--questions", Fixtures.path("irn/wc-mini.txt").toString(), "--train", "dev", "--eval", "dev",
                "--out", tmp.resolve("wc").toString(), "--no-progress");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode wc = new ObjectMapper().readTree(tmp.resolve("wc/report.json").toFile());
        assertEquals(3, wc.at("/dataset/evalQuestions").asInt());
        assertEquals(3, wc.at("/graph/triples").asInt(), "the _inverse triple folds into its forward twin");

        code = run(new OracleSession(), "--dataset", "pathquestion", "--kb", Fixtures.path("irn/pq-kb.txt").toString(),
                "--questions", Fixtures.path("irn/pq-mini.txt").toString(), "--train", "dev", "--eval", "dev",
                "--out", tmp.resolve("pq").toString(), "--no-progress");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode pq = new ObjectMapper().readTree(tmp.resolve("pq/report.json").toFile());
        assertEquals(1.0, pq.at("/metrics/overall/byKey/hitRoG").asDouble());
        assertEquals(1.0, pq.at("/metrics/overall/byKey/exactMatch").asDouble(), 1e-12,
                "both versions of the song and both children come back");
        assertEquals(4, pq.at("/dataset/evalQuestions").asInt());

        // JSON lines over a pipe-separated KB (the format is told by the first line)
        code = run(new OracleSession(), "--dataset", "jsonl", "--kb", Fixtures.path("metaqa-mini/kb.txt").toString(),
                "--questions", Fixtures.path("jsonl/mini.jsonl").toString(), "--train", "dev", "--eval", "dev",
                "--out", tmp.resolve("jl").toString(), "--no-progress");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode jl = new ObjectMapper().readTree(tmp.resolve("jl/report.json").toFile());
        assertEquals(14, jl.at("/graph/triples").asInt());
        assertEquals(1.0, jl.at("/metrics/byHop/2/byKey/exactMatch").asDouble(), "q2 follows ~directed_by,release_year");
        assertEquals(1, jl.at("/metrics/overall/failed").asInt(), "q3 has no gold path: the oracle cannot plan it");
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() {
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--out", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dataset metaqa needs --data DIR"));
        err.reset();
        assertEquals(2, run(new OracleSession(), "--dataset", "freebase", "--data", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown dataset 'freebase'"));
        err.reset();
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--data",
                Fixtures.path("metaqa-mini").toString(), "--train", "dev-holdout", "--out", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("would train on the evaluation questions"));
        err.reset();
        assertEquals(2, run(new OracleSession(), "--dataset", "metaqa", "--data",
                Fixtures.path("metaqa-mini").toString(), "--eval", "test", "--hops", "2", "--out", tmp.toString(),
                "--no-progress"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2-hop/qa_test.txt"), err.toString());
    }

    @Test
    void samplingIsPerHopSeededAndKeepsDatasetOrder() {
        List<KgqaExample> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(new KgqaExample("e" + i, "q", List.of("t"), List.of("a"), List.of(), 1 + i % 2, "",
                    new SourceLine(Path.of("f"), i + 1), "k" + i));
        }
        List<KgqaExample> a = BenchmarkRun.sample(all, 10, 7);
        assertEquals(20, a.size());
        assertEquals(10, a.stream().filter(e -> e.hops() == 1).count());
        assertEquals(a, BenchmarkRun.sample(all, 10, 7));
        assertTrue(!a.equals(BenchmarkRun.sample(all, 10, 8)));
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.get(i - 1).source().line() < a.get(i).source().line());
        }
        assertEquals(all, BenchmarkRun.sample(all, 0, 7));
    }
}
