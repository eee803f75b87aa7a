package dev.ariadne.benchmarks.planner;

import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.EncoderModel;
import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.models.eval.MetaQa;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.reasoner.PathReasoner;
import dev.ariadne.models.training.PlannerTrainer;
import dev.ariadne.models.training.TrainingExample;
import dev.ariadne.models.training.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planner and reasoner speed on MetaQA (Zhang et al., AAAI 2018; CC BY 3.0) dev questions over an
 * in-memory copy of the KB (so constraint calls cost in-memory time, not Bolt round trips):
 * <ul>
 *   <li>{@code planSingle}: one question, masked-question encoding + beam + constraint calls + scoring
 *       (sample mode: the p50 is the figure to compare with the 3 ms target);</li>
 *   <li>{@code planBatched}: 64 questions through {@code planAll} (one batched encoder call), per question;</li>
 *   <li>{@code reason}: the reasoner over the top-3 plans' retrieved paths, per question;</li>
 *   <li>{@code encodeSingle}: the encoder alone on one masked question, for reference.</li>
 * </ul>
 * Setup trains a planner on 3,000 questions (or loads {@code -Dariadne.planner=FILE}) and checks that
 * batched and single planning agree before timing. Without {@code ../shared/datasets/metaqa} setup fails
 * with "skipped: ...". Run: see docs/planner.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Threads(1)
public class PlannerBenchmark {
    @Param({"trained", "zeroshot"})
    public String mode;

    private TextEncoder encoder;
    private InMemoryGraph graph;
    private PathPlanner planner;
    private PathReasoner reasoner;
    private List<PlanningRequest> requests;
    private List<List<PlanEvidence>> evidence;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        Path data = MetaQa.locate();
        if (data == null) {
            throw new IllegalStateException("skipped: ../shared/datasets/metaqa not found (set -Dariadne.shared=DIR)");
        }
        graph = InMemoryGraph.readPipeSeparated(data.resolve("kb.txt"));
        List<MetaQa.Question> qs = MetaQa.readAll(data);
        // -Dariadne.bench.model / .threads / .spin compare encoders and ONNX Runtime settings (docs/planner.md).
        encoder = TextEncoders.builder()
                .model(EncoderModel.valueOf(System.getProperty("ariadne.bench.model", EncoderModel.BGE_SMALL_EN_V15_Q.name())))
                .threads(Integer.getInteger("ariadne.bench.threads", 2))
                .spinWait(Boolean.parseBoolean(System.getProperty("ariadne.bench.spin", "true"))).build();
        List<MetaQa.Question> train = new ArrayList<>();
        requests = new ArrayList<>();
        for (MetaQa.Question q : qs) {
            if (q.bucket() < 80) {
                if (train.size() < 3000 && q.bucket() % 10 == 0) {
                    train.add(q);
                }
            } else if (requests.size() < 1000 && q.bucket() % 2 == 0) {
                requests.add(new PlanningRequest(q.text(), Entity.named(q.topicMention()), q.topicMention(), 3, 3));
            }
        }
        PathPlanner.Builder b = PathPlanner.builder().encoder(encoder);
        if (mode.equals("trained")) {
            String file = System.getProperty("ariadne.planner");
            TrainedPlanner p;
            if (file != null && Files.isRegularFile(Path.of(file))) {
                p = TrainedPlanner.load(Path.of(file));
            } else {
                List<TrainingExample> ex = new ArrayList<>();
                train.forEach(q -> ex.add(q.example(true)));
                p = PlannerTrainer.train(ex, graph, graph, encoder, TrainingOptions.builder().threads(2).build());
            }
            b.model(p);
        }
        planner = b.build();
        reasoner = PathReasoner.builder().build();
        // results agree before timing: batched planning equals one-by-one planning
        List<List<Plan>> batched = planner.planAll(requests.subList(0, 64), graph);
        for (int i = 0; i < 64; i++) {
            if (!batched.get(i).equals(planner.plan(requests.get(i), graph))) {
                throw new IllegalStateException("planAll and plan disagree on " + requests.get(i).question());
            }
        }
        evidence = new ArrayList<>();
        for (List<Plan> plans : planner.planAll(requests, graph)) {
            List<PlanEvidence> ev = new ArrayList<>();
            for (Plan p : plans) {
                ev.add(new PlanEvidence(p, graph.retrieve(p.topic(), p.path(), RetrievalLimits.DEFAULT)));
            }
            evidence.add(ev);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        encoder.close();
    }

    private int nextIndex() {
        int i = next;
        next = (next + 1) % requests.size();
        return i;
    }

    @Benchmark
    public List<Plan> planSingle() {
        return planner.plan(requests.get(nextIndex()), graph);
    }

    @Benchmark
    @OperationsPerInvocation(64)
    @BenchmarkMode(Mode.AverageTime)
    public List<List<Plan>> planBatched() {
        int from = (nextIndex() / 64) * 64 % (requests.size() - 64);
        return planner.planAll(requests.subList(from, from + 64), graph);
    }

    @Benchmark
    public List<ScoredAnswer> reason() {
        int i = nextIndex();
        return reasoner.reason(List.of(requests.get(i).topic()), evidence.get(i));
    }

    @Benchmark
    public float[] encodeSingle() {
        return encoder.encode(requests.get(nextIndex()).maskedQuestion());
    }
}
