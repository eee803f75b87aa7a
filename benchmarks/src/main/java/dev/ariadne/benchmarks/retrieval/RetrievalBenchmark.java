package dev.ariadne.benchmarks.retrieval;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of retrieving a gold relation path on the MetaQA KB, per variant (embedded kernel cursors, the
 * {@code ariadne.expand} procedure over Bolt, templated Cypher over Bolt, the naive variable-length pattern
 * over Bolt) and per sample (seeded 1-, 2- and 3-hop dev questions; paths from the highest-degree
 * entities). Each call retrieves the next query of the sample, round robin. SampleTime mode gives the
 * percentiles. Forks 0: the KB is loaded once per JVM into one Harness shared by every combination
 * ({@link RetrievalFixture}, which also checks that all variants agree before any timing).
 * Run with {@link RetrievalBenchmarkMain}; see docs/retrieval.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// 20 s: on 2 cores the Cypher runtime and Bolt paths of the Bolt variants keep compiling for about that long
// (a variant's mean fell from 2.0 to 1.44 ms over ten 2 s iterations); shorter warm-ups time the JIT.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(0)
@State(Scope.Benchmark)
public class RetrievalBenchmark {
    @Param({"EMBEDDED", "MAPPED", "PROCEDURE", "CYPHER", "NAIVE"})
    public String variant;

    @Param({"1-hop", "2-hop", "3-hop", "hubs", "hubs-f1000"})
    public String sample;

    private RetrievalFixture.Variant run;
    private List<RetrievalFixture.GoldQueryWithLimits> queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        RetrievalFixture f = RetrievalFixture.get();
        run = f.variant(RetrievalFixture.Kind.valueOf(variant));
        queries = f.samples.get(sample);
        if (queries == null) {
            throw new IllegalArgumentException("unknown sample '" + sample + "': " + f.samples.keySet());
        }
        next = 0;
    }

    @Benchmark
    public List<List<String>> retrieve() {
        RetrievalFixture.GoldQueryWithLimits q = queries.get(next);
        next = next + 1 == queries.size() ? 0 : next + 1;
        return run.run(q);
    }
}
