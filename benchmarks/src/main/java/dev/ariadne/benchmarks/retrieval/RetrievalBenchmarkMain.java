package dev.ariadne.benchmarks.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link RetrievalBenchmark} with a short default configuration (a few minutes) and prints a table
 * of p50/p99 per variant and sample, with the naive baseline's ratio. The naive pattern is not run from
 * the hubs (it does not finish in reasonable time there). From the repository root:
 * <pre>
 * mvn -q -o install -DskipTests -pl core,cypher
 * mvn -q -o -pl benchmarks compile exec:exec -Dexec.executable=java \
 *     -Dexec.args="-Xmx4g -cp %classpath dev.ariadne.benchmarks.retrieval.RetrievalBenchmarkMain"
 * </pre>
 * System properties: {@code ariadne.shared}, {@code ariadne.bench.seed} (42), {@code ariadne.bench.sample}
 * (100 questions per hop count), {@code ariadne.bench.hubs} (10).
 */
public final class RetrievalBenchmarkMain {
    private RetrievalBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        String name = RetrievalBenchmark.class.getName();
        Options gold = new OptionsBuilder().include(name + ".retrieve")
                .param("variant", "EMBEDDED", "PROCEDURE", "CYPHER", "NAIVE")
                .param("sample", "1-hop", "2-hop", "3-hop").build();
        Options hubs = new OptionsBuilder().include(name + ".retrieve")
                .param("variant", "EMBEDDED", "PROCEDURE", "CYPHER")
                .param("sample", "hubs", "hubs-f1000").build();
        List<RunResult> results = new ArrayList<>(new Runner(gold).run());
        results.addAll(new Runner(hubs).run());
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n| sample | variant | p50 ms | p99 ms | samples | p50 vs procedure |\n|---|---|---:|---:|---:|---:|\n");
        for (RunResult r : results) {
            String sample = r.getParams().getParam("sample");
            String variant = r.getParams().getParam("variant");
            Statistics s = r.getPrimaryResult().getStatistics();
            double proc = results.stream().filter(o -> sample.equals(o.getParams().getParam("sample"))
                            && "PROCEDURE".equals(o.getParams().getParam("variant")))
                    .mapToDouble(o -> o.getPrimaryResult().getStatistics().getPercentile(50)).findFirst().orElse(Double.NaN);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %d | %.1fx |%n", sample, variant,
                    s.getPercentile(50), s.getPercentile(99), s.getN(), s.getPercentile(50) / proc));
        }
        return sb.toString();
    }
}
