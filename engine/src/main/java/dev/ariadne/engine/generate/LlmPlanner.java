package dev.ariadne.engine.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.ModelCall;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.DroppedProposal;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningOutcome;
import dev.ariadne.core.plan.PlanRepair;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.core.plan.PlanningRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RoG's planning step done by a language model: it proposes relation paths for the question, and every
 * proposal is checked against the graph from the topic and repaired to the nearest valid path or dropped
 * ({@link PlanRepair}), so no invalid plan is ever run. Each plan carries its {@link dev.ariadne.core.plan.PlanProposal}
 * (what the model wrote, what was run). Plans share the probability mass equally, in the model's order:
 * a model gives no calibrated probability. When the model fails or every proposal is dropped, the
 * fallback planner plans (if one is set), else there is no plan. Thread-safe when the chat model is.
 */
public final class LlmPlanner implements Planner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanningPrompt prompt;
    private final ModelCaller caller;
    private final Planner fallback;

    private LlmPlanner(Builder b) {
        this.prompt = b.prompt;
        this.caller = new ModelCaller(b.model, b.maxRetries, b.backoff, b.secrets);
        this.fallback = b.fallback;
    }

    public static Builder builder(ChatModel model) {
        return new Builder(model);
    }

    /** What one request's proposals became: the plans to run, and every proposal with its outcome. */
    public record Proposals(List<Plan> plans, List<PlanRepair.Outcome> outcomes, List<ModelCall> calls, String failure) {
    }

    @Override
    public List<Plan> plan(PlanningRequest request, GraphConstraint constraint) {
        Proposals p = propose(request, constraint);
        if (p.plans().isEmpty() && fallback != null) {
            return fallback.plan(request, constraint);
        }
        return p.plans();
    }

    /** The plans as {@link #plan}, with the proposals the graph check dropped, so the trace shows every one. */
    @Override
    public List<PlanningOutcome> planAllOutcomes(List<PlanningRequest> requests, GraphConstraint constraint) {
        List<PlanningOutcome> out = new ArrayList<>(requests.size());
        for (PlanningRequest request : requests) {
            Proposals p = propose(request, constraint);
            List<DroppedProposal> dropped = new ArrayList<>();
            for (PlanRepair.Outcome o : p.outcomes()) {
                if (o.path() == null) {
                    dropped.add(new DroppedProposal(request.topic(), o.proposal().proposed(), o.proposal().detail()));
                }
            }
            List<Plan> plans = p.plans().isEmpty() && fallback != null ? fallback.plan(request, constraint) : p.plans();
            out.add(new PlanningOutcome(plans, dropped));
        }
        return out;
    }

    /** Asks the model and checks every proposal; the plans are at most {@code request.topK()}. */
    public Proposals propose(PlanningRequest request, GraphConstraint constraint) {
        List<DirectedRelation> first = constraint.nextRelationTypes(request.topic(), RelationPath.EMPTY);
        List<String> names = new ArrayList<>(first.size());
        for (DirectedRelation r : first) {
            names.add(r.format());
        }
        String text = prompt.render(Map.of("question", request.question(), "topic", request.topic().name(),
                "relations", String.join(", ", names), "maxHops", Integer.toString(request.maxHops()),
                "topK", Integer.toString(request.topK())));
        List<ModelCall> calls = new ArrayList<>();
        ChatResponse r = caller.call(text, calls);
        if (r == null) {
            return new Proposals(List.of(), List.of(), calls, "the model failed: " + calls.get(calls.size() - 1).error());
        }
        List<String> proposed = parse(r.aiMessage() == null ? null : r.aiMessage().text());
        if (proposed == null) {
            return new Proposals(List.of(), List.of(), calls, "unparseable reply");
        }
        return check(request, constraint, proposed, calls);
    }

    /** The graph check of given proposals (what {@link #propose} does after the call; public for tests and benchmarks). */
    public static Proposals check(PlanningRequest request, GraphConstraint constraint, List<String> proposed, List<ModelCall> calls) {
        List<PlanRepair.Outcome> outcomes = new ArrayList<>(proposed.size());
        Map<RelationPath, PlanRepair.Outcome> kept = new LinkedHashMap<>();
        for (String s : proposed) {
            PlanRepair.Outcome o = PlanRepair.repair(request.topic(), s, request.maxHops(), constraint);
            outcomes.add(o);
            if (o.path() != null && kept.size() < request.topK()) {
                kept.putIfAbsent(o.path(), o);
            }
        }
        List<Plan> plans = new ArrayList<>(kept.size());
        double p = kept.isEmpty() ? 0 : 1.0 / kept.size();
        for (PlanRepair.Outcome o : kept.values()) {
            plans.add(new Plan(request.topic(), o.path(), p, java.util.Set.of(), o.proposal()));
        }
        return new Proposals(plans, outcomes, calls, null);
    }

    /** The proposed paths, or null when the reply is not {@code {"paths": [strings]}}. */
    static List<String> parse(String raw) {
        if (raw == null) {
            return null;
        }
        int open = raw.indexOf('{');
        int close = raw.lastIndexOf('}');
        if (open < 0 || close < open) {
            return null;
        }
        JsonNode paths;
        try {
            paths = JSON.readTree(raw.substring(open, close + 1)).get("paths");
        } catch (IOException e) {
            return null;
        }
        if (paths == null || !paths.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : paths) {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    /** Options; each setter checks its value at once. */
    public static final class Builder {
        private final ChatModel model;
        private PlanningPrompt prompt = PlanningPrompt.ROG;
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(500);
        private Planner fallback;
        private final List<String> secrets = new ArrayList<>();

        private Builder(ChatModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        public Builder prompt(PlanningPrompt prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** Retries after a rate limit, timeout or server error, 0..5 (default 2). */
        public Builder maxRetries(int n) {
            this.maxRetries = ModelCaller.checkedRetries(n);
            return this;
        }

        public Builder backoff(Duration d) {
            this.backoff = ModelCaller.checkedBackoff(d);
            return this;
        }

        /** The planner used when the model fails or every proposal is dropped (default: none, no plan). */
        public Builder fallback(Planner planner) {
            this.fallback = Objects.requireNonNull(planner, "planner");
            return this;
        }

        public Builder redacting(String secret) {
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
            return this;
        }

        public LlmPlanner build() {
            return new LlmPlanner(this);
        }
    }
}
