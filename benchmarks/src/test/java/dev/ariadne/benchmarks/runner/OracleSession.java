package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KgqaExample;
import dev.ariadne.benchmarks.dataset.KnowledgeBaseReader;
import dev.ariadne.benchmarks.metrics.PlanOutcome;
import dev.ariadne.benchmarks.metrics.QuestionOutcome;
import dev.ariadne.benchmarks.metrics.QuestionTimings;
import dev.ariadne.benchmarks.metrics.ReturnedAnswer;
import dev.ariadne.benchmarks.report.GraphInfo;
import dev.ariadne.benchmarks.report.ModelInfo;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in engine for testing the runner: it "plans" the gold path (so its answers are exactly what
 * the knowledge base gives along it) and answers by walking the triples in memory. Questions without a
 * gold path fail, as an engine with no plan would.
 */
final class OracleSession implements EngineSession {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    private List<Triple> triples = List.of();

    @Override
    public GraphInfo openGraph(Path dbDir, Path kb, KbFormat format, String kbSha256, DatasetKind kind) {
        triples = format == KbFormat.PIPE ? KnowledgeBaseReader.metaQa(kb) : KnowledgeBaseReader.irn(kb, true);
        boolean reused = KbMarker.matches(dbDir, kbSha256, kind);
        if (!reused) {
            loads.incrementAndGet();
            KbMarker.markLoading(dbDir, kbSha256, kind);
            KbMarker.write(dbDir, kbSha256, kind);
        }
        return new GraphInfo(dbDir.toString(), kbSha256, triples.size(), reused, reused ? 0 : 0.01);
    }

    /** What {@code --existing-graph} handed over: the database and the mapping file (null: not called). */
    volatile Path existingDb;
    volatile java.util.Optional<Path> existingMapping;

    @Override
    public GraphInfo openExisting(Path dbDir, java.util.Optional<Path> mappingFile) {
        existingDb = dbDir;
        existingMapping = mappingFile;
        return new GraphInfo(dbDir.toString(), "existing graph", triples.size(), true, 0);
    }

    @Override
    public ModelInfo train(List<KgqaExample> train, Path modelFile, long seed) {
        try {
            Files.writeString(modelFile, "oracle planner, seed " + seed + ", " + train.size() + " examples\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelInfo(true, 0.5, train.size(), modelFile.toString(), FileHashes.sha256(modelFile));
    }

    /** What {@code --train graph[+SPLIT]} handed over: the labelled questions and their weight (-1: not called). */
    volatile int graphLabelled = -1;
    volatile int graphWeight = -1;
    final java.util.Queue<String> asked = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public ModelInfo trainFromGraph(List<KgqaExample> labelled, GraphSource source, Path modelFile, long seed) {
        graphLabelled = labelled.size();
        graphWeight = source.labelledWeight();
        return train(labelled, modelFile, seed);
    }

    /** The endpoint {@code --planner llm} handed over, if any. */
    volatile dev.ariadne.core.generate.LlmEndpoint llmEndpoint;

    @Override
    public ModelInfo useLlmPlanner(dev.ariadne.core.generate.LlmEndpoint endpoint) {
        llmEndpoint = endpoint;
        return new ModelInfo(false, 0, 0, "llm:" + endpoint.model() + "@" + endpoint.baseUrl(), "");
    }

    @Override
    public ModelInfo loadPlanner(Path modelFile) {
        return new ModelInfo(false, 0, 0, modelFile.toString(), FileHashes.sha256(modelFile));
    }

    @Override
    public QuestionOutcome answer(KgqaExample example, boolean givenTopics) {
        answered.incrementAndGet();
        asked.add(example.question());
        QuestionTimings t = new QuestionTimings(1_000, 2_000, 3_000, 4_000, 10_000 + example.source().line());
        if (example.goldPaths().isEmpty()) {
            return QuestionOutcome.failed(example, "no plan", t);
        }
        RelationPath path = example.goldPaths().get(0);
        Set<String> frontier = new LinkedHashSet<>(List.of(example.topics().get(0)));
        for (DirectedRelation r : path.hops()) {
            Set<String> next = new LinkedHashSet<>();
            for (Triple tr : triples) {
                if (!tr.relation().equals(r.type())) {
                    continue;
                }
                if (!r.isInverse() && frontier.contains(tr.subject())) {
                    next.add(tr.object());
                } else if (r.isInverse() && frontier.contains(tr.object())) {
                    next.add(tr.subject());
                }
            }
            frontier = next;
        }
        frontier.remove(example.topics().get(0));
        List<ReturnedAnswer> answers = new ArrayList<>();
        for (String k : frontier) {
            answers.add(new ReturnedAnswer(k, k, true));
        }
        return new QuestionOutcome(example, answers, List.of(new PlanOutcome(path, !answers.isEmpty())), t,
                Optional.empty());
    }

    @Override
    public void close() {
    }
}
