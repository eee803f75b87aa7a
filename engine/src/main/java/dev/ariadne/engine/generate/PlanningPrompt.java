package dev.ariadne.engine.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Map;
import java.util.Objects;

/**
 * The prompt the LLM planner sends. Placeholders: {@code {question}} (required), {@code {topic}},
 * {@code {relations}} (the directed relations that leave the topic in the graph, so the model can choose
 * among real ones), {@code {maxHops}} and {@code {topK}}. The default is RoG's planning instruction
 * ("generate a valid relation path that can be helpful for answering the following question") with the
 * graph's relations and the JSON reply format added.
 */
public final class PlanningPrompt {
    public static final String ROG_TEMPLATE = """
            Please generate valid relation paths that can be helpful for answering the following question: {question}

            The topic entity is {topic}. Relations that leave it: {relations}. A relation written ~r is walked \
            against its stored direction. A path has at most {maxHops} relations, the first leaving the topic.

            Reply with JSON only: {"paths": ["<relation>,<relation>"]}, at most {topK} paths, best first.""";

    public static final PlanningPrompt ROG = new PlanningPrompt(ROG_TEMPLATE);

    private static final String[] NAMES = {"question", "topic", "relations", "maxHops", "topK"};

    private final String template;

    private PlanningPrompt(String template) {
        this.template = template;
    }

    public static PlanningPrompt of(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.contains("{question}")) {
            throw new InvalidInputException("a planning prompt template must contain {question}");
        }
        return new PlanningPrompt(template);
    }

    public String template() {
        return template;
    }

    /** The prompt with every placeholder filled in one left-to-right pass (values are never re-expanded). */
    String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(template.length() + 256);
        int i = 0;
        outer:
        while (i < template.length()) {
            if (template.charAt(i) == '{') {
                for (String n : NAMES) {
                    if (template.startsWith("{" + n + "}", i)) {
                        sb.append(values.getOrDefault(n, ""));
                        i += n.length() + 2;
                        continue outer;
                    }
                }
            }
            sb.append(template.charAt(i++));
        }
        return sb.toString();
    }
}
