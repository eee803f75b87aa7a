package dev.ariadne.engine.procedures;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.AnswerGenerators;
import dev.ariadne.core.generate.LlmEndpoint;
import java.util.function.Function;

/**
 * Whether {@code ariadne.ask(q, {generate: true})} may call a language model: only when the server's
 * configuration names an endpoint, as JVM properties ({@code server.jvm.additional=-Dariadne.llm.base_url=...}
 * and {@code -Dariadne.llm.model=...} in neo4j.conf, the way {@link PluginSettings} reads the planner) or the
 * {@code ARIADNE_LLM_*} environment variables of the server process. A caller of the procedure can never
 * point the server at an endpoint of their choosing. The API key comes only from the environment.
 */
final class PluginGeneration {
    static final String BASE_URL_PROPERTY = "ariadne.llm.base_url";
    static final String MODEL_PROPERTY = "ariadne.llm.model";

    private static volatile AnswerGenerator cached;

    private PluginGeneration() {
    }

    /** The server's configuration: JVM property first, then the environment; the key only from the environment. */
    static Function<String, String> serverConfiguration() {
        return name -> {
            String property = switch (name) {
                case LlmEndpoint.BASE_URL -> System.getProperty(BASE_URL_PROPERTY);
                case LlmEndpoint.MODEL -> System.getProperty(MODEL_PROPERTY);
                default -> null;
            };
            return property != null && !property.isBlank() ? property : System.getenv(name);
        };
    }

    /** The generator for the server's endpoint, made once; an error saying how to turn it on when none is named. */
    static AnswerGenerator generator(Function<String, String> configuration) {
        if (!LlmEndpoint.configured(configuration)) {
            throw new InvalidInputException("config 'generate: true' is off on this server: it names no LLM endpoint. "
                    + "An administrator sets server.jvm.additional=-D" + BASE_URL_PROPERTY + "=... and -D" + MODEL_PROPERTY
                    + "=... in neo4j.conf (or ARIADNE_LLM_BASE_URL / ARIADNE_LLM_MODEL / ARIADNE_LLM_API_KEY for the server process); "
                    + "see docs/generation.md");
        }
        AnswerGenerator g = cached;
        if (g == null) {
            synchronized (PluginGeneration.class) {
                g = cached;
                if (g == null) {
                    g = AnswerGenerators.forEndpoint(LlmEndpoint.fromEnvironment(configuration));
                    cached = g;
                }
            }
        }
        return g;
    }
}
