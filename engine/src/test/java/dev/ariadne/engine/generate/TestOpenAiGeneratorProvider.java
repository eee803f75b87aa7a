package dev.ariadne.engine.generate;

import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.AnswerGeneratorProvider;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The engine's tests' stand-in for ariadne-langchain4j's provider (which the engine cannot depend on):
 * the same OpenAI-compatible client, found through ServiceLoader as in production.
 */
public final class TestOpenAiGeneratorProvider implements AnswerGeneratorProvider {
    @Override
    public AnswerGenerator create(LlmEndpoint endpoint) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(endpoint.baseUrl().toString())
                .apiKey(endpoint.apiKey() == null ? "none" : endpoint.apiKey()).modelName(endpoint.model())
                .timeout(endpoint.timeout()).maxRetries(0).build();
        return GeneratingReasoner.builder(model).modelName(endpoint.model()).redacting(endpoint.apiKey())
                .backoff(java.time.Duration.ofMillis(10)).build();
    }
}
