package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training questions from the graph alone: sampled paths ({@link PathSampler}) worded by the grammar
 * ({@link QuestionGrammar}) and, when a rewriter is given, reworded by a language model too (each rewrite
 * kept only when it still names the topic). Deterministic for a seed without a rewriter.
 */
public final class GraphQuestions {
    private static final Logger LOG = LoggerFactory.getLogger(GraphQuestions.class);

    /** The questions written, and how many model rewrites were dropped for losing the topic's name. */
    public record Result(List<SyntheticQuestion> questions, int paths, int rewritten, int droppedRewrites) {
        public Result {
            questions = List.copyOf(questions);
        }
    }

    private GraphQuestions() {
    }

    /**
     * @param entities the entity (display name) for a key, or null when the graph knows only the key
     * @param rewriter a language model rewording the grammar's questions, or null for the grammar alone
     */
    public static Result write(List<Triple> triples, InMemoryGraph graph, Function<String, Entity> entities, PhraseBook phrases,
                               SyntheticOptions options, QuestionRewriter rewriter) {
        PathSampler sampler = new PathSampler(triples, graph, entities);
        List<SampledPath> paths = sampler.sample(options.maxHops(), options.pathsPerLength(), options.seed());
        QuestionGrammar grammar = new QuestionGrammar(phrases, options.noise(), options.classNouns());
        List<SyntheticQuestion> out = new ArrayList<>();
        List<List<String>> drafts = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            SampledPath p = paths.get(i);
            SplittableRandom rng = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + i);
            List<String> qs = grammar.questions(p.path(), p.topic().name(), options.questionsPerPath(), rng);
            drafts.add(qs);
            for (String q : qs) {
                out.add(new SyntheticQuestion(q, p.topic(), p.topic().name(), p.path(), p.answers(), SyntheticQuestion.GRAMMAR));
            }
        }
        int rewritten = 0;
        int dropped = 0;
        if (rewriter != null && !paths.isEmpty()) {
            List<QuestionRewriter.Request> requests = new ArrayList<>(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                SampledPath p = paths.get(i);
                requests.add(new QuestionRewriter.Request(p.topic().name(), grammar.meaning(p.path(), p.topic().name()), drafts.get(i)));
            }
            List<List<String>> rewrites = rewriter.rewrite(requests);
            for (int i = 0; i < paths.size() && i < rewrites.size(); i++) {
                SampledPath p = paths.get(i);
                for (String q : rewrites.get(i)) {
                    String mention = mentionIn(q, p.topic().name());
                    if (mention == null) {
                        dropped++;
                        continue;
                    }
                    out.add(new SyntheticQuestion(q.strip(), p.topic(), mention, p.path(), p.answers(), SyntheticQuestion.LLM));
                    rewritten++;
                }
            }
            LOG.info("question rewriting: {} rewrites kept, {} dropped for not naming their topic; {}", rewritten, dropped,
                    rewriter.stats());
        }
        return new Result(out, paths.size(), rewritten, dropped);
    }

    /** The topic's name as the question writes it (any case), or null when the question lost it. */
    static String mentionIn(String question, String name) {
        int at = dev.ariadne.core.plan.PlanningRequest.indexOfMention(question, name);
        return at < 0 ? null : question.substring(at, at + name.length());
    }

    /** One line for logs: how the questions split by source and length. */
    public static String summary(Result r) {
        int[] byLength = new int[9];
        for (SyntheticQuestion q : r.questions()) {
            byLength[Math.min(8, q.path().length())]++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d questions from %,d sampled paths", r.questions().size(), r.paths()));
        for (int h = 1; h < byLength.length; h++) {
            if (byLength[h] > 0) {
                sb.append(String.format(Locale.ROOT, "; %d-hop %,d", h, byLength[h]));
            }
        }
        if (r.rewritten() > 0 || r.droppedRewrites() > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d reworded by the language model (%,d dropped: topic lost)", r.rewritten(),
                    r.droppedRewrites()));
        }
        return sb.toString();
    }
}
