package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.cypher.procedures.ExpandConfig;
import dev.ariadne.engine.fuzz.FuzzLoop;
import dev.ariadne.engine.fuzz.RandomText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random config maps for the procedures ({@code ariadne.ask/plan/link} and {@code ariadne.expand/retrieve}):
 * valid and unknown keys, values of every type Cypher can pass (and a few it cannot). Each map is either
 * accepted, giving limits inside their documented ranges, or rejected with an {@link InvalidInputException}
 * (unknown keys included) whose message is one line naming the key; nothing else may escape.
 */
class ConfigFuzzTest {
    @Test
    void askConfigAcceptsOrRejectsEveryMapWithATypedOneLineError() {
        FuzzLoop.run("AskConfig", (r, input) -> check(r, input, AskConfig.KEYS, m -> {
            AskConfig c = AskConfig.parse(m);
            assertTrue(c.maxTopics() >= 1 && c.maxTopics() <= 10, "maxTopics " + c.maxTopics());
            assertTrue(c.pathsPerAnswer() >= 1, "pathsPerAnswer " + c.pathsPerAnswer());
            assertTrue(c.limits().questionTimeout().toMillis() > 0);
            return c;
        }));
    }

    @Test
    void expandConfigAcceptsOrRejectsEveryMapWithATypedOneLineError() {
        FuzzLoop.run("ExpandConfig", (r, input) -> check(r, input, ExpandConfig.KEYS, m -> {
            RetrievalLimits l = ExpandConfig.parse(m);
            assertTrue(l.maxPaths() >= 1 && l.maxFrontierPerHop() >= 1 && !l.timeout().isNegative(), l.toString());
            return l;
        }));
    }

    @Test
    void rejectedValuesAndKeysAreEscapedInTheOneLineMessage() {
        String hostile = "1\n\u001b[2Jfake: ok";
        for (Runnable parse : List.<Runnable>of(() -> AskConfig.parse(Map.of("maxTopics", hostile)),
                () -> ExpandConfig.parse(Map.of("keepTopic", hostile)), () -> AskConfig.parse(Map.of(hostile, 1L)),
                () -> ExpandConfig.parse(Map.of(hostile, 1L)))) {
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, parse::run);
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\u001b"), e.getMessage());
            assertTrue(e.getMessage().contains("1\\u000a\\u001b[2Jfake: ok"), e.getMessage());
        }
    }

    private static void check(Random r, StringBuilder input, List<String> keys, Function<Map<String, Object>, ?> parse) {
        Map<String, Object> config = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = r.nextInt(3) > 0 ? keys.get(r.nextInt(keys.size())) : RandomText.of(r, 12);
            config.put(key, value(r, 2));
        }
        input.append(config);
        try {
            parse.apply(config);
        } catch (AriadneException e) {
            assertTrue(e instanceof InvalidInputException, "typed as invalid input: " + e.getClass().getName());
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), "a message");
            assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
            assertTrue(message.contains("config") || message.contains("option") || message.contains("must"),
                    "says what was wrong: " + message);
        }
    }

    private static Object value(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> null;
            case 1 -> r.nextLong();
            case 2 -> (long) r.nextInt(20) - 5;
            case 3 -> r.nextInt();
            case 4 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.5, 1e300, -1}[r.nextInt(6)];
            case 5 -> r.nextBoolean();
            case 6 -> RandomText.of(r, 10);
            case 7 -> String.valueOf(r.nextInt(100));
            case 8 -> (short) r.nextInt(100);
            case 9 -> r.nextFloat();
            case 10 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(value(r, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(RandomText.of(r, 5), value(r, depth - 1));
                yield map;
            }
        };
    }
}
