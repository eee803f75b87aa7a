package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Answers the evaluation questions on a fixed pool of threads and returns the outcomes in question order
 * (so results never depend on scheduling), with the wall time of the whole pass.
 */
final class Evaluation {
    record Result(List<QuestionOutcome> outcomes, long wallNanos) {
    }

    private Evaluation() {
    }

    static Result run(EngineSession engine, List<KgqaExample> questions, int threads, boolean givenTopics,
                      PrintStream progressOut, String task) {
        QuestionOutcome[] out = new QuestionOutcome[questions.size()];
        ProgressBar bar = progressOut == null ? null : new ProgressBarBuilder().setTaskName(task)
                .setInitialMax(questions.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(progressOut)).showSpeed().build();
        Consumer<Integer> done = bar == null ? i -> { } : i -> bar.step();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-eval");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                final int index = i;
                futures.add(pool.submit(() -> {
                    out[index] = engine.answer(questions.get(index), givenTopics);
                    done.accept(index);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
        } finally {
            pool.shutdownNow();
            if (bar != null) {
                bar.close();
            }
        }
        long wall = System.nanoTime() - start;
        return new Result(Arrays.asList(out), wall);
    }
}
