package dev.ariadne.engine;

import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.error.AmbiguousEntityException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.NoAnswer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.error.QueryTimeoutException;
import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.GeneratedAnswers;
import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.plan.DroppedProposal;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.core.plan.PlanningOutcome;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.Reasoner;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.engine.graph.KnowledgeGraph;
import dev.ariadne.engine.link.Linking;
import dev.ariadne.engine.link.TopicLinker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One question through the stages: link, plan, retrieve, reason (used by {@link Ariadne} and by the
 * in-database procedures, which build one per call over the calling transaction). Stateless, so one
 * instance serves any number of threads as long as its stages are thread-safe (they are required to
 * be). Planning for several questions is batched through {@link Planner#planAllOutcomes}.
 */
public final class Pipeline {
    private final KnowledgeGraph graph;
    private final TopicLinker linker;
    private final Planner planner;
    private final Reasoner reasoner;
    private final Limits limits;
    private final AnswerGenerator generator;

    public Pipeline(KnowledgeGraph graph, TopicLinker linker, Planner planner, Reasoner reasoner, Limits limits) {
        this(graph, linker, planner, reasoner, limits, null);
    }

    /** With a generating step after the reasoner ({@code generator} null: off, the path reasoner answers). */
    public Pipeline(KnowledgeGraph graph, TopicLinker linker, Planner planner, Reasoner reasoner, Limits limits,
                    AnswerGenerator generator) {
        this.graph = graph;
        this.linker = linker;
        this.planner = planner;
        this.reasoner = reasoner;
        this.limits = limits;
        this.generator = generator;
    }

    /** A question with its linking done, waiting for plans. */
    record Linked(String question, Linking linking, long startNanos, long linkNanos) {
    }

    Linked link(String question, List<String> topics) {
        long t0 = System.nanoTime();
        Linking linking;
        try {
            linking = topics == null ? linker.link(question) : linker.given(question, topics);
        } catch (AmbiguousEntityException e) {
            linking = byPlanning(question, e);
        }
        return new Linked(question, linking, t0, System.nanoTime() - t0);
    }

    /**
     * A mention that names several entities equally well (a person and a film both called "Tom Jones", in a
     * graph that keeps them apart): the question's wording decides. Each candidate is planned for, and the one
     * whose best plan is the most probable is kept ({@link LinkSource#PLANNED}); when no candidate has a plan,
     * or the best two tie, the question stays ambiguous and {@code e} is thrown.
     */
    private Linking byPlanning(String question, AmbiguousEntityException e) {
        Entity best = null;
        double bestProbability = 0;
        boolean tie = false;
        for (EntityCandidate c : e.candidates()) {
            List<Plan> plans = planner.plan(new PlanningRequest(question, c.entity(), e.mention(), 1, limits.maxHops()),
                    graph.constraint());
            double p = plans.isEmpty() ? 0 : plans.get(0).probability();
            if (p > bestProbability + TIE) {
                best = c.entity();
                bestProbability = p;
                tie = false;
            } else if (p > 0 && Math.abs(p - bestProbability) <= TIE) {
                tie = true;
            }
        }
        if (best == null || tie) {
            throw e;
        }
        int start = question.indexOf(e.mention());
        int end = start < 0 ? -1 : start + e.mention().length();
        return new Linking(List.of(new TopicLink(e.mention(), start, end, LinkSource.PLANNED, best, e.candidates())),
                List.of(new MentionCandidates(e.mention(), start, end, e.candidates())));
    }

    /** Plan probabilities closer than this do not tell two same-named entities apart. */
    private static final double TIE = 1e-6;

    List<PlanningRequest> requests(Linked q) {
        List<PlanningRequest> out = new ArrayList<>();
        for (TopicLink t : q.linking().topics()) {
            out.add(new PlanningRequest(q.question(), t.entity(), t.mention(), limits.plansPerQuestion(), limits.maxHops()));
        }
        return out;
    }

    /** Answers one question; {@code topics} null means "link them from the text". */
    public Answer answer(String question, List<String> topics) {
        Linked q = link(question, topics);
        long p0 = System.nanoTime();
        List<PlanningOutcome> plans = planner.planAllOutcomes(requests(q), graph.constraint());
        return finish(q, plans, System.nanoTime() - p0);
    }

    /** Links every question, plans them all in one batch, then retrieves and reasons one by one. */
    List<Answer> answerAll(List<String> questions) {
        List<Linked> linked = new ArrayList<>(questions.size());
        List<PlanningRequest> all = new ArrayList<>();
        for (String q : questions) {
            Linked l = link(q, null);
            linked.add(l);
            all.addAll(requests(l));
        }
        long p0 = System.nanoTime();
        List<PlanningOutcome> plans = all.isEmpty() ? List.of() : planner.planAllOutcomes(all, graph.constraint());
        long perQuestionPlanNanos = questions.isEmpty() ? 0 : (System.nanoTime() - p0) / questions.size();
        List<Answer> out = new ArrayList<>(questions.size());
        int at = 0;
        for (Linked l : linked) {
            int n = l.linking().topics().size();
            out.add(finish(l, plans.subList(at, at + n), perQuestionPlanNanos));
            at += n;
        }
        return out;
    }

    private Answer finish(Linked q, List<PlanningOutcome> outcomes, long planNanos) {
        Duration budget = limits.questionTimeout();
        long deadline = q.startNanos() + budget.toNanos();
        List<Plan> plans = new ArrayList<>();
        List<List<Plan>> plansPerTopic = new ArrayList<>(outcomes.size());
        List<DroppedProposal> dropped = new ArrayList<>();
        for (PlanningOutcome o : outcomes) {
            plansPerTopic.add(o.plans());
            dropped.addAll(o.dropped());
        }
        for (List<Plan> p : plansPerTopic) {
            for (int i = 0; i < p.size(); i++) {
                if (i == 0 || p.get(i).probability() >= limits.minPlanProbability()) {
                    plans.add(p.get(i));
                }
            }
        }
        long r0 = System.nanoTime();
        checkDeadline(q, deadline, budget, "planning");
        NoAnswer abstained = abstention(q, plansPerTopic);
        if (abstained != null) {
            plans.clear();
        }
        List<TracedRetrieval> retrievals = new ArrayList<>(plans.size());
        List<PlanEvidence> evidence = new ArrayList<>(plans.size());
        for (Plan plan : plans) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timeout(q, budget, "retrieval");
            }
            Duration queryBudget = limits.queryTimeout().toNanos() < remaining ? limits.queryTimeout() : Duration.ofNanos(remaining);
            RetrievalLimits rl = new RetrievalLimits(limits.pathsPerPlan(), limits.frontierPerHop(),
                    queryBudget.toMillis() < 1 ? Duration.ofMillis(1) : queryBudget, false);
            long s = System.nanoTime();
            RetrievalResult result = graph.retriever().retrieve(plan.topic(), plan.path(), rl);
            long millis = (System.nanoTime() - s) / 1_000_000;
            retrievals.add(new TracedRetrieval(plan, result.query(), result.paths(), result.pathsFound(),
                    result.frontierCut(), result.truncated(), millis));
            evidence.add(new PlanEvidence(plan, result));
        }
        long reason0 = System.nanoTime();
        List<Entity> topics = q.linking().entities();
        List<ScoredAnswer> answers = reasoner.reason(topics, evidence);
        long end = System.nanoTime();
        checkDeadline(q, deadline, budget, "reasoning");
        // After the deadline check: the model call has its own timeout, and its failures fall back to
        // the path answers instead of losing them.
        Generation generation = null;
        if (generator != null && abstained == null) {
            GeneratedAnswers generated = generator.generate(q.question(), topics, evidence, answers);
            answers = generated.answers();
            generation = generated.generation();
            end = System.nanoTime();
        }
        NoAnswer noAnswer = abstained != null ? abstained : answers.isEmpty() ? whyNoAnswer(plans, retrievals) : null;
        Trace trace = new Trace(q.question(), q.linking().mentions(), q.linking().topics(), retrievals, answers, noAnswer,
                generation, dropped);
        StageTimings timings = new StageTimings(q.linkNanos() / 1000, planNanos / 1000, (reason0 - r0) / 1000,
                (end - reason0) / 1000, (end - q.startNanos()) / 1000);
        return Answer.of(trace, timings);
    }

    /**
     * Why the question is not answered at all, when its best plan (over all topics) is under
     * {@link Limits#minConfidence()}; null when it goes ahead. No plan at all is left to {@link #whyNoAnswer}.
     */
    private NoAnswer abstention(Linked q, List<List<Plan>> plansPerTopic) {
        if (limits.minConfidence() <= 0) {
            return null;
        }
        Plan top = null;
        for (List<Plan> p : plansPerTopic) {
            if (!p.isEmpty() && (top == null || p.get(0).probability() > top.probability())) {
                top = p.get(0);
            }
        }
        if (top == null || top.probability() >= limits.minConfidence()) {
            return null;
        }
        double readable = 1.0;
        for (TopicLink t : q.linking().topics()) {
            readable = Math.min(readable, planner.readability(new PlanningRequest(q.question(), t.entity(), t.mention(), 1, 1)));
        }
        return new NoAnswer(NoAnswer.Reason.LOW_CONFIDENCE, String.format(java.util.Locale.ROOT,
                "the best plan (%s from %s, p=%.3f) is below the minimum confidence %.3f%s; nothing was retrieved",
                top.path().formatArrows(), top.topic().name(), top.probability(), limits.minConfidence(), readable < 1.0 ? String.format(java.util.Locale.ROOT,
                        " (the planner reads %.0f%% of the question: %s of its words occur in the questions it was trained on)",
                        100 * readable, readable == 0 ? "none" : "few") : ""));
    }

    private static NoAnswer whyNoAnswer(List<Plan> plans, List<TracedRetrieval> retrievals) {
        if (plans.isEmpty()) {
            return new NoAnswer(NoAnswer.Reason.NO_PLAN,
                    "the planner found no relation path from the topic (it may have no relationships within the hop limit)");
        }
        long nonEmpty = retrievals.stream().filter(r -> !r.paths().isEmpty()).count();
        if (nonEmpty == 0) {
            return new NoAnswer(NoAnswer.Reason.NO_PATHS, "none of the " + plans.size()
                    + " plans reached an entity other than the topic");
        }
        return new NoAnswer(NoAnswer.Reason.NO_CONFIDENT_ANSWER, nonEmpty + " of " + plans.size()
                + " plans retrieved paths, but no candidate scored above the reasoner's threshold");
    }

    private static void checkDeadline(Linked q, long deadline, Duration budget, String stage) {
        if (System.nanoTime() > deadline) {
            throw timeout(q, budget, stage);
        }
    }

    private static QueryTimeoutException timeout(Linked q, Duration budget, String stage) {
        return new QueryTimeoutException("question '" + dev.ariadne.core.text.TerminalText.excerpt(q.question(), 200) + "' (stopped during " + stage + ")", budget, null);
    }
}
