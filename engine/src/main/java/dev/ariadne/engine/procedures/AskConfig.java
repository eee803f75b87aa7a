package dev.ariadne.engine.procedures;

import dev.ariadne.core.text.TerminalText;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.UnknownOptionException;
import dev.ariadne.core.text.EditDistance;
import dev.ariadne.engine.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed form of the config map of {@code ariadne.ask}, {@code ariadne.plan} and {@code ariadne.link}:
 * <ul>
 *   <li>{@code topics}: list of entity keys or names to use as the topics (default: link them from the question)</li>
 *   <li>{@code maxTopics}: topics to link in a question without brackets (default 1)</li>
 *   <li>{@code plans}: relation paths planned per topic (default 5)</li>
 *   <li>{@code pathsPerPlan}: entity-level paths kept per plan (default 1000)</li>
 *   <li>{@code maxHops}: longest relation path (default 3)</li>
 *   <li>{@code timeoutMs}: time budget for the question (default 30000)</li>
 *   <li>{@code minPlanProbability}: plans below it are not retrieved (default 0.01)</li>
 *   <li>{@code pathsPerAnswer}: rows (supporting paths) returned per answer by {@code ariadne.ask} (default 3)</li>
 *   <li>{@code generate}: a language model writes the answer (default false; only when the server names an
 *       endpoint, see {@link PluginGeneration})</li>
 * </ul>
 * Any other key is an error naming the closest valid key.
 */
record AskConfig(List<String> topics, int maxTopics, Limits limits, int pathsPerAnswer, boolean generate) {
    static final List<String> KEYS = List.of("topics", "maxTopics", "plans", "pathsPerPlan", "maxHops", "timeoutMs",
            "minPlanProbability", "pathsPerAnswer", "generate");

    static AskConfig parse(Map<String, Object> config) {
        List<String> topics = null;
        int maxTopics = 1;
        int pathsPerAnswer = 3;
        boolean generate = false;
        Limits.Builder b = Limits.builder();
        if (config != null) {
            for (Map.Entry<String, Object> e : config.entrySet()) {
                String key = e.getKey();
                Object v = e.getValue();
                switch (key) {
                    case "topics" -> topics = strings(key, v);
                    case "maxTopics" -> maxTopics = range(key, v, 1, 10);
                    case "plans" -> b.plansPerQuestion(range(key, v, 1, 100));
                    case "pathsPerPlan" -> b.pathsPerPlan(range(key, v, 1, 1_000_000));
                    case "maxHops" -> b.maxHops(range(key, v, 1, 6));
                    case "timeoutMs" -> {
                        long ms = range(key, v, 1, Integer.MAX_VALUE);
                        b.questionTimeout(Duration.ofMillis(ms)).queryTimeout(Duration.ofMillis(Math.min(ms, 5_000)));
                    }
                    case "minPlanProbability" -> {
                        if (!(v instanceof Number n)) {
                            throw new InvalidInputException("config 'minPlanProbability' must be a number, got " + describe(v));
                        }
                        b.minPlanProbability(n.doubleValue());
                    }
                    case "pathsPerAnswer" -> pathsPerAnswer = range(key, v, 1, 10_000);
                    case "generate" -> {
                        if (!(v instanceof Boolean bool)) {
                            throw new InvalidInputException("config 'generate' must be true or false, got " + describe(v));
                        }
                        generate = bool;
                    }
                    default -> throw new UnknownOptionException(key, EditDistance.closest(key, KEYS, 1).get(0), KEYS);
                }
            }
        }
        return new AskConfig(topics, maxTopics, b.build(), pathsPerAnswer, generate);
    }

    private static int range(String key, Object v, long min, long max) {
        if (!(v instanceof Long || v instanceof Integer)) {
            throw new InvalidInputException("config '" + key + "' must be an integer, got " + describe(v));
        }
        long l = ((Number) v).longValue();
        if (l < min || l > max) {
            throw new InvalidInputException("config '" + key + "' must be in " + min + ".." + max + ", got " + l);
        }
        return (int) l;
    }

    private static List<String> strings(String key, Object v) {
        if (!(v instanceof List<?> list)) {
            throw new InvalidInputException("config '" + key + "' must be a list of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new InvalidInputException("config '" + key + "' must hold only strings, got " + describe(o));
            }
            out.add(s);
        }
        return out;
    }

    private static String describe(Object v) {
        // The value comes from the caller's query: escaped, so the one-line error cannot be split or recoloured.
        return v == null ? "null" : v.getClass().getSimpleName() + " " + TerminalText.escape(String.valueOf(v));
    }
}
