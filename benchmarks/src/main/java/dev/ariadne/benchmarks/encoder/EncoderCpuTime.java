package dev.ariadne.benchmarks.encoder;

import dev.ariadne.models.encoder.EncoderModel;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.encoder.TextEncoders;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU milliseconds per question, a figure that survives a busy machine (wall-clock JMH numbers on a
 * shared 2-core box swing by 5x with the load). Runs ONNX Runtime with one intra-op thread, which then
 * computes on the calling thread, so that thread's CPU time is the whole inference; run it with
 * {@code TOKENIZERS_PARALLELISM=false} so tokenising stays on that thread too. Prints the median of
 * 15 timed rounds after 3 warm-up rounds, CPU and wall, per question.
 *
 * <p>Usage: {@code java -cp ... dev.ariadne.benchmarks.encoder.EncoderCpuTime [rounds]}
 */
public final class EncoderCpuTime {
    private EncoderCpuTime() {
    }

    private record Mode(String name, int batch, boolean exact) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!bean.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        List<Mode> modes = List.of(new Mode("single", 1, true), new Mode("batch32-exact", 32, true),
                new Mode("batch32", 32, false), new Mode("batch128", 128, false));
        System.out.printf("%-20s %-14s %14s %14s%n", "model", "mode", "cpu ms/question", "wall ms/question");
        for (EncoderModel model : List.of(EncoderModel.BGE_SMALL_EN_V15_Q, EncoderModel.ALL_MINILM_L6_V2_Q)) {
            for (Mode mode : modes) {
                try (TextEncoder encoder = TextEncoders.builder().model(model).threads(1).batchSize(mode.batch())
                        .exactBatching(mode.exact()).build()) {
                    EncoderBenchmark.checkAgreement(encoder, mode.exact() || !model.dynamicallyQuantised());
                    List<String> questions = new ArrayList<>();
                    for (int i = 0; i < Math.max(mode.batch(), SampleQuestions.ALL.size()); i++) {
                        questions.add(SampleQuestions.ALL.get(i % SampleQuestions.ALL.size()));
                    }
                    double[] cpu = new double[rounds];
                    double[] wall = new double[rounds];
                    for (int r = -3; r < rounds; r++) {
                        long c0 = bean.getCurrentThreadCpuTime();
                        long w0 = System.nanoTime();
                        if (mode.name().equals("single")) {
                            for (String q : questions) {
                                encoder.encode(q);
                            }
                        } else {
                            for (int from = 0; from < questions.size(); from += mode.batch()) {
                                encoder.encodeAll(questions.subList(from, Math.min(questions.size(), from + mode.batch())));
                            }
                        }
                        if (r >= 0) {
                            cpu[r] = (bean.getCurrentThreadCpuTime() - c0) / 1e6 / questions.size();
                            wall[r] = (System.nanoTime() - w0) / 1e6 / questions.size();
                        }
                    }
                    System.out.printf("%-20s %-14s %14.3f %14.3f%n", model.id(), mode.name(), median(cpu), median(wall));
                }
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
