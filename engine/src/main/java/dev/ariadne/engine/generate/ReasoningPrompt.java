package dev.ariadne.engine.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Objects;

/**
 * The prompt the generating reasoner sends: a template with {@code {paths}} (one retrieved path a line, as
 * RoG prints them: {@code e0 -> r1 -> e1}) and {@code {question}}. The default is RoG's reasoning prompt
 * (Luo et al., ICLR 2024, appendix) followed by the JSON reply format the grounding check reads; a
 * replacement must keep both placeholders and ask for the same JSON ({@code answer}, {@code entities}).
 */
public final class ReasoningPrompt {
    public static final String PATHS = "{paths}";
    public static final String QUESTION = "{question}";

    /** RoG's reasoning instruction, then the reply format. */
    public static final String ROG_TEMPLATE = """
            Based on the reasoning paths, please answer the given question. Please keep the answer as simple \
            as possible and return all the possible answers as a list.

            Reasoning Paths:
            {paths}

            Question:
            {question}

            Reply with JSON only, in this form: {"answer": "<one sentence answering the question>", \
            "entities": ["<each answer entity, named exactly as in the reasoning paths>"]}""";

    public static final ReasoningPrompt ROG = new ReasoningPrompt(ROG_TEMPLATE);

    private final String template;

    private ReasoningPrompt(String template) {
        this.template = template;
    }

    /** A replacement template; it must contain {@code {paths}} and {@code {question}} once each. */
    public static ReasoningPrompt of(String template) {
        Objects.requireNonNull(template, "template");
        for (String p : new String[] {PATHS, QUESTION}) {
            int at = template.indexOf(p);
            if (at < 0 || template.indexOf(p, at + 1) >= 0) {
                throw new InvalidInputException("a reasoning prompt template must contain " + p + " exactly once");
            }
        }
        return new ReasoningPrompt(template);
    }

    public String template() {
        return template;
    }

    /**
     * The prompt for one question. Both values are substituted in one pass so a question that itself
     * contains "{paths}" is not expanded.
     */
    public String render(String question, String pathLines) {
        int p = template.indexOf(PATHS);
        int q = template.indexOf(QUESTION);
        if (p < q) {
            return template.substring(0, p) + pathLines + template.substring(p + PATHS.length(), q) + question
                    + template.substring(q + QUESTION.length());
        }
        return template.substring(0, q) + question + template.substring(q + QUESTION.length(), p) + pathLines
                + template.substring(p + PATHS.length());
    }
}
