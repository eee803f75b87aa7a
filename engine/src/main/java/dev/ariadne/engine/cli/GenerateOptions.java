package dev.ariadne.engine.cli;

import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.AnswerGenerators;
import dev.ariadne.core.generate.LlmEndpoint;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --generate}: a language model writes the answer from the retrieved paths (docs/generation.md).
 * The endpoint, model and key come only from the environment, never from the command line, so a key
 * never lands in shell history or a process list.
 */
final class GenerateOptions {
    /** The environment; tests replace it (the JVM's cannot be changed). */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--generate", description = {"Let a language model write the answer from the retrieved paths; only entities on those paths are answered.",
        "Endpoint from ARIADNE_LLM_BASE_URL (e.g. http://localhost:11434/v1), ARIADNE_LLM_MODEL and ARIADNE_LLM_API_KEY."})
    boolean generate;

    /** The generator, or null when --generate is not given. */
    AnswerGenerator generator() {
        if (!generate) {
            return null;
        }
        return AnswerGenerators.forEndpoint(LlmEndpoint.fromEnvironment(environment));
    }
}
