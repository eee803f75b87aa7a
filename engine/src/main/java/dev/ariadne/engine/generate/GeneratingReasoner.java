package dev.ariadne.engine.generate;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.GeneratedAnswers;
import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.generate.GenerationStatus;
import dev.ariadne.core.generate.GroundedEntity;
import dev.ariadne.core.generate.ModelCall;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.reason.PlanEvidence;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RoG's reasoning step done by a language model: it reads the question and the retrieved paths and writes
 * the answer, and the grounding check ({@link Grounding}) keeps only the entities it names that are on
 * those paths. Ungrounded names are reported, never answered; a model failure (timeout, HTTP error,
 * unparseable reply) or a reply with nothing grounded falls back to the path reasoner's answers. Every
 * call is recorded with its latency, tokens and outcome. Thread-safe when the chat model is.
 *
 * <p>Retries happen here, not in the chat model (build it with {@code maxRetries(0)}), so each attempt is
 * visible in the trace: rate limits, timeouts and server errors are retried with exponential backoff;
 * other failures are not.
 */
public final class GeneratingReasoner implements AnswerGenerator {
    private final ChatModel model;
    private final String modelName;
    private final ReasoningPrompt prompt;
    private final int maxPathsInPrompt;
    private final int maxAnswerChars;
    private final ModelCaller caller;

    private GeneratingReasoner(Builder b) {
        this.model = b.model;
        this.modelName = b.modelName != null ? b.modelName : defaultName(b.model);
        this.prompt = b.prompt;
        this.maxPathsInPrompt = b.maxPathsInPrompt;
        this.maxAnswerChars = b.maxAnswerChars;
        this.caller = new ModelCaller(b.model, b.maxRetries, b.backoff, b.secrets);
    }

    public static Builder builder(ChatModel model) {
        return new Builder(model);
    }

    private static String defaultName(ChatModel model) {
        String n = model.defaultRequestParameters() == null ? null : model.defaultRequestParameters().modelName();
        return n != null ? n : model.getClass().getSimpleName();
    }

    public String modelName() {
        return modelName;
    }

    public ReasoningPrompt prompt() {
        return prompt;
    }

    /** The prompt one question's evidence makes (what {@link #generate} sends). */
    public String promptFor(String question, List<PlanEvidence> evidence) {
        return prompt.render(question, pathLines(evidence));
    }

    /** The distinct retrieved paths in plan order, one a line, at most {@code maxPathsInPrompt}. */
    String pathLines(List<PlanEvidence> evidence) {
        Set<String> lines = new LinkedHashSet<>();
        for (PlanEvidence e : evidence) {
            for (ReasoningPath p : e.retrieval().paths()) {
                if (lines.size() >= maxPathsInPrompt) {
                    return String.join("\n", lines);
                }
                lines.add(p.render());
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public GeneratedAnswers generate(String question, List<Entity> topics, List<PlanEvidence> evidence, List<ScoredAnswer> pathAnswers) {
        Grounding grounding = new Grounding(evidence);
        if (grounding.isEmpty()) {
            return new GeneratedAnswers(pathAnswers, new Generation(GenerationStatus.SKIPPED, modelName, null, false,
                    List.of(), List.of(), null, List.of()));
        }
        String text = promptFor(question, evidence);
        List<ModelCall> calls = new ArrayList<>();
        ChatResponse response = call(text, calls);
        if (response == null) {
            ModelCall last = calls.get(calls.size() - 1);
            return fallback(pathAnswers, null, false, List.of(), List.of(),
                    "the model failed (" + last.outcome() + " after " + calls.size() + " call" + (calls.size() == 1 ? "" : "s")
                            + "): " + last.error(), calls);
        }
        String raw = response.aiMessage() == null ? null : response.aiMessage().text();
        ModelReply.Parsed parsed = ModelReply.parse(raw);
        if (parsed.reply() == null) {
            return fallback(pathAnswers, null, false, List.of(), List.of(), "unparseable reply: " + parsed.problem(), calls);
        }
        ModelReply reply = parsed.reply();
        String answerText = reply.answer();
        boolean cut = answerText != null && answerText.length() > maxAnswerChars;
        if (cut) {
            answerText = answerText.substring(0, maxAnswerChars);
        }
        Grounding.Result checked = grounding.check(reply.entities());
        if (checked.grounded().isEmpty()) {
            return fallback(pathAnswers, answerText, cut, List.of(), checked.ungrounded(),
                    reply.entities().isEmpty() ? "the model named no entity"
                            : "none of the " + reply.entities().size() + " entities the model named is on a retrieved path", calls);
        }
        Map<Entity, ScoredAnswer> byEntity = new HashMap<>();
        for (ScoredAnswer a : pathAnswers) {
            byEntity.put(a.entity(), a);
        }
        List<ScoredAnswer> answers = new ArrayList<>(checked.grounded().size());
        for (GroundedEntity g : checked.grounded()) {
            answers.add(grounding.answer(g.entity(), topics, byEntity));
        }
        return new GeneratedAnswers(answers, new Generation(GenerationStatus.GROUNDED, modelName, answerText, cut,
                checked.grounded(), checked.ungrounded(), null, calls));
    }

    private GeneratedAnswers fallback(List<ScoredAnswer> pathAnswers, String text, boolean cut, List<GroundedEntity> grounded,
                                      List<dev.ariadne.core.generate.UngroundedEntity> ungrounded, String why, List<ModelCall> calls) {
        return new GeneratedAnswers(pathAnswers, new Generation(GenerationStatus.FALLBACK, modelName, text, cut,
                grounded, ungrounded, redact(why), calls));
    }

    private ChatResponse call(String text, List<ModelCall> calls) {
        return caller.call(text, calls);
    }

    private String redact(String s) {
        return caller.redact(s);
    }

    /** Options of a {@link GeneratingReasoner}; each setter checks its value at once. */
    public static final class Builder {
        private final ChatModel model;
        private String modelName;
        private ReasoningPrompt prompt = ReasoningPrompt.ROG;
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(500);
        private int maxPathsInPrompt = 50;
        private int maxAnswerChars = 2000;
        private final List<String> secrets = new ArrayList<>();

        private Builder(ChatModel model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The name the trace gives the model (default: the chat model's configured model name). */
        public Builder modelName(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("model name is empty");
            }
            this.modelName = name;
            return this;
        }

        public Builder prompt(ReasoningPrompt prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** Retries after a rate limit, timeout or server error, 0..5 (default 2). */
        public Builder maxRetries(int n) {
            this.maxRetries = ModelCaller.checkedRetries(n);
            return this;
        }

        /** Wait before the first retry, doubled for each further one (0..60 s; default 500 ms). */
        public Builder backoff(Duration d) {
            this.backoff = ModelCaller.checkedBackoff(d);
            return this;
        }

        /** Distinct paths put into the prompt, 1..1000 (default 50; RoG's prompts hold tens). */
        public Builder maxPathsInPrompt(int n) {
            if (n < 1 || n > 1000) {
                throw new InvalidInputException("maxPathsInPrompt must be in 1..1000: " + n);
            }
            this.maxPathsInPrompt = n;
            return this;
        }

        /** The longest answer text kept (longer text is cut and marked), 1..100000 (default 2000). */
        public Builder maxAnswerChars(int n) {
            if (n < 1 || n > 100_000) {
                throw new InvalidInputException("maxAnswerChars must be in 1..100000: " + n);
            }
            this.maxAnswerChars = n;
            return this;
        }

        /** A value (an API key) to replace by "[redacted]" in any error text the trace keeps. */
        public Builder redacting(String secret) {
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
            return this;
        }

        public GeneratingReasoner build() {
            return new GeneratingReasoner(this);
        }
    }
}
