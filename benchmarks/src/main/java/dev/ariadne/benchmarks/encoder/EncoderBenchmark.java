package dev.ariadne.benchmarks.encoder;

import dev.ariadne.models.encoder.EncoderModel;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoder latency on MetaQA-like questions ({@link SampleQuestions}), on the CPU.
 * <ul>
 *   <li>{@code single}: one question per call (what planning one question costs); ms/op = ms/question.</li>
 *   <li>{@code batch}: {@code encodeAll} of {@code batch} questions; ms/question = ms/op / batch.
 *       {@code exact=true} is the default encoder (int8 models then run one text per inference call so a
 *       vector never depends on its batch); {@code exact=false} pads and batches them.</li>
 * </ul>
 * Before timing, setup checks that batched and single vectors agree (exactly in exact mode, cosine above
 * 0.97 otherwise), so a fast but wrong configuration fails instead of printing a number.
 * Run (see docs/encoder.md): {@code java -Djmh.separateClasspathJAR=true @encoder.args org.openjdk.jmh.Main
 * EncoderBenchmark}; the classpath goes in an argfile because a long {@code -cp} was seen to crash ONNX
 * Runtime's native init.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EncoderBenchmark {

    /** Threads ONNX Runtime may use; 0 = one per core. */
    static int threads() {
        return Integer.getInteger("ariadne.bench.threads", 0);
    }

    /** Whether ONNX Runtime threads busy-wait during a run (the encoder's default: yes; {@code -Dariadne.bench.spin=false}). */
    static boolean spinWait() {
        return Boolean.parseBoolean(System.getProperty("ariadne.bench.spin", "true"));
    }

    @State(Scope.Benchmark)
    public static class SingleState {
        @Param({"BGE_SMALL_EN_V15_Q", "ALL_MINILM_L6_V2_Q"})
        public EncoderModel model;

        TextEncoder encoder;
        int next;

        @Setup(Level.Trial)
        public void open() {
            encoder = TextEncoders.builder().model(model).threads(threads()).spinWait(spinWait()).build();
            checkAgreement(encoder, true);
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    @State(Scope.Benchmark)
    public static class BatchState {
        @Param({"BGE_SMALL_EN_V15_Q", "ALL_MINILM_L6_V2_Q"})
        public EncoderModel model;

        @Param({"1", "32", "128"})
        public int batch;

        @Param({"true", "false"})
        public boolean exact;

        TextEncoder encoder;
        List<String> questions;

        @Setup(Level.Trial)
        public void open() {
            encoder = TextEncoders.builder().model(model).threads(threads()).spinWait(spinWait()).batchSize(batch)
                    .exactBatching(exact).build();
            questions = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                questions.add(SampleQuestions.ALL.get(i % SampleQuestions.ALL.size()));
            }
            checkAgreement(encoder, exact || !model.dynamicallyQuantised());
        }

        @TearDown(Level.Trial)
        public void close() {
            encoder.close();
        }
    }

    @Benchmark
    public float[] single(SingleState s) {
        String question = SampleQuestions.ALL.get(s.next);
        s.next = (s.next + 1) % SampleQuestions.ALL.size();
        return s.encoder.encode(question);
    }

    @Benchmark
    public float[][] batch(BatchState s) {
        return s.encoder.encodeAll(s.questions);
    }

    /** Refuses to time an encoder whose batched vectors do not match its one-by-one vectors. */
    static void checkAgreement(TextEncoder encoder, boolean exact) {
        float[][] batched = encoder.encodeAll(SampleQuestions.ALL);
        double minCosine = 1;
        double maxAbsDiff = 0;
        for (int i = 0; i < SampleQuestions.ALL.size(); i++) {
            float[] single = encoder.encode(SampleQuestions.ALL.get(i));
            double dot = 0;
            double maxDiff = 0;
            for (int d = 0; d < single.length; d++) {
                dot += (double) single[d] * batched[i][d];
                maxDiff = Math.max(maxDiff, Math.abs(single[d] - batched[i][d]));
            }
            minCosine = Math.min(minCosine, dot);
            maxAbsDiff = Math.max(maxAbsDiff, maxDiff);
            if (exact ? maxDiff > 1e-5 : dot < 0.97) {
                throw new IllegalStateException("encoder " + encoder + ": question " + i + " batched differs from single"
                        + " (max |diff| " + maxDiff + ", cosine " + dot + ")");
            }
        }
        System.out.printf("agreement of batched with single vectors over %d questions (%s): min cosine %.6f,"
                + " max |diff| %.2e%n", SampleQuestions.ALL.size(), encoder, minCosine, maxAbsDiff);
    }
}
