package dev.ariadne.cypher.procedures;

import dev.ariadne.core.text.TerminalText;
import dev.ariadne.core.text.EditDistance;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.UnknownOptionException;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The typed form of {@code ariadne.expand}'s config map: {@code maxPaths}, {@code maxFrontierPerHop},
 * {@code timeoutMs}, {@code keepTopic}; any other key is an error naming the closest valid key.
 * Missing keys take {@link RetrievalLimits#DEFAULT}'s values.
 */
public final class ExpandConfig {
    public static final String MAX_PATHS = "maxPaths";
    public static final String MAX_FRONTIER = "maxFrontierPerHop";
    public static final String TIMEOUT_MS = "timeoutMs";
    public static final String KEEP_TOPIC = "keepTopic";
    public static final List<String> KEYS = List.of(MAX_PATHS, MAX_FRONTIER, TIMEOUT_MS, KEEP_TOPIC);

    private ExpandConfig() {
    }

    /** Parses a procedure config map; null or empty means the defaults. */
    public static RetrievalLimits parse(Map<String, Object> config) {
        RetrievalLimits limits = RetrievalLimits.DEFAULT;
        if (config == null) {
            return limits;
        }
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            try {
                switch (key) {
                    case MAX_PATHS -> limits = limits.withMaxPaths(intValue(key, v));
                    case MAX_FRONTIER -> limits = limits.withMaxFrontierPerHop(intValue(key, v));
                    case TIMEOUT_MS -> limits = limits.withTimeout(Duration.ofMillis(longValue(key, v)));
                    case KEEP_TOPIC -> {
                        if (!(v instanceof Boolean b)) {
                            throw new InvalidInputException("config '" + KEEP_TOPIC + "' must be a boolean, got " + describe(v));
                        }
                        limits = limits.withKeepTopic(b);
                    }
                    default -> throw new UnknownOptionException(key, EditDistance.closest(key, KEYS, 1).get(0), KEYS);
                }
            } catch (IllegalArgumentException bad) {
                throw new InvalidInputException("config '" + key + "': " + bad.getMessage(), bad);
            }
        }
        return limits;
    }

    /** The map form of {@code limits}, as the Bolt retriever sends it. */
    public static Map<String, Object> toMap(RetrievalLimits limits) {
        return Map.of(MAX_PATHS, (long) limits.maxPaths(), MAX_FRONTIER, (long) limits.maxFrontierPerHop(),
                TIMEOUT_MS, limits.timeout().toMillis(), KEEP_TOPIC, limits.keepTopic());
    }

    private static int intValue(String key, Object v) {
        long l = longValue(key, v);
        if (l > Integer.MAX_VALUE) {
            throw new InvalidInputException("config '" + key + "' is too large: " + l);
        }
        return (int) l;
    }

    private static long longValue(String key, Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new InvalidInputException("config '" + key + "' must be an integer, got " + describe(v));
    }

    private static String describe(Object v) {
        // The value comes from the caller's query: escaped, so the one-line error cannot be split or recoloured.
        return v == null ? "null" : v.getClass().getSimpleName() + " " + TerminalText.escape(String.valueOf(v));
    }
}
