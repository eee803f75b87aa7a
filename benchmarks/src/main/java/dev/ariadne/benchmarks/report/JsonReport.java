package dev.ariadne.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ariadne.benchmarks.metrics.AnswerScores;
import dev.ariadne.benchmarks.metrics.LatencySummary;
import dev.ariadne.benchmarks.metrics.MetricSummary;
import dev.ariadne.benchmarks.metrics.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Writes {@code report.json}: every figure of the run, fractions in [0,1] (not percent), times in
 * milliseconds or seconds as the field names say, and the provenance (commit, data and model SHA-256,
 * JVM, cores, date). A figure that has no value (path accuracy without gold paths) is {@code null}.
 */
public final class JsonReport {
    public static final String SCHEMA = "ariadne-bench/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(BenchmarkReport r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(r));
    }

    public static ObjectNode toJson(BenchmarkReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode run = root.putObject("run");
        run.put("gitCommit", r.run().gitCommit());
        run.put("gitDirty", r.run().gitDirty());
        run.put("date", r.run().startedAt().toString());
        run.put("javaVersion", r.run().javaVersion());
        run.put("jvm", r.run().jvm());
        run.put("cores", r.run().cores());
        run.put("os", r.run().os());
        run.put("maxHeapBytes", r.run().maxHeapBytes());
        run.put("commandLine", r.run().commandLine());
        run.put("seed", r.run().seed());

        ObjectNode data = root.putObject("dataset");
        data.put("name", r.dataset().name());
        data.put("trainSplit", r.dataset().trainSplit());
        data.put("evalSplit", r.dataset().evalSplit());
        r.dataset().hops().forEach(data.putArray("hops")::add);
        data.put("sample", r.dataset().sample());
        data.put("trainQuestions", r.dataset().trainQuestions());
        data.put("evalQuestions", r.dataset().evalQuestions());
        ObjectNode files = data.putObject("sha256");
        r.dataset().fileSha256().forEach(files::put);
        if (r.dataset().isMetaQa()) {
            data.put("citation", PublishedResults.METAQA_CITATION);
        }

        ObjectNode graph = root.putObject("graph");
        graph.put("directory", r.graph().directory());
        graph.put("kbSha256", r.graph().kbSha256());
        graph.put("triples", r.graph().triples());
        graph.put("reused", r.graph().reused());
        graph.put("loadSeconds", r.graph().loadSeconds());

        ObjectNode model = root.putObject("model");
        model.put("trained", r.model().trained());
        model.put("trainingSeconds", r.model().trainingSeconds());
        model.put("trainingExamples", r.model().trainingExamples());
        model.put("file", r.model().file());
        model.put("sha256", r.model().sha256());

        ObjectNode metrics = root.putObject("metrics");
        metrics.set("overall", summary(r.metrics().overall()));
        ObjectNode byHop = metrics.putObject("byHop");
        r.metrics().byHop().forEach((h, s) -> byHop.set(String.valueOf(h), summary(s)));
        ObjectNode byType = metrics.putObject("byType");
        r.metrics().byType().forEach((t, s) -> byType.set(t, summary(s)));

        ObjectNode timing = root.putObject("timing");
        timing.put("threads", r.timing().threads());
        timing.put("questions", r.timing().questions());
        timing.put("wallSeconds", r.timing().wallSeconds());
        timing.put("questionsPerSecond", r.timing().questionsPerSecond());
        ObjectNode latency = timing.putObject("latencyMs");
        for (Stage stage : Stage.values()) {
            latency.set(stage.label(), latency(r.timing().latency().get(stage)));
        }

        ObjectNode memory = root.putObject("memory");
        memory.put("peakHeapBytes", r.memory().peakHeapBytes());
        if (r.memory().peakRssBytes().isPresent()) {
            memory.put("peakRssBytes", r.memory().peakRssBytes().getAsLong());
        } else {
            memory.putNull("peakRssBytes");
        }
        return root;
    }

    private static ObjectNode summary(MetricSummary s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("questions", s.questions());
        o.set("byKey", scores(s.byKey()));
        o.set("byNameIgnoreCase", scores(s.byName()));
        optional(o, "pathAccuracy", s.pathAccuracy());
        o.put("withGoldPath", s.withGoldPath());
        optional(o, "invalidPlanRate", s.invalidPlanRate());
        o.put("plans", s.plans());
        o.put("emptyAnswerRate", s.emptyAnswerRate());
        optional(o, "faithfulness", s.faithfulness());
        o.put("answersReturned", s.answersReturned());
        o.put("failed", s.failed());
        return o;
    }

    private static ObjectNode scores(AnswerScores a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("hits1", a.hits1());
        o.put("hitRoG", a.hit());
        o.put("precision", a.precision());
        o.put("recall", a.recall());
        o.put("f1", a.f1());
        o.put("exactMatch", a.exactMatch());
        return o;
    }

    private static ObjectNode latency(LatencySummary l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("count", l.count());
        o.put("mean", l.meanMs());
        o.put("p50", l.p50Ms());
        o.put("p95", l.p95Ms());
        o.put("p99", l.p99Ms());
        o.put("max", l.maxMs());
        return o;
    }

    private static void optional(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }
}
