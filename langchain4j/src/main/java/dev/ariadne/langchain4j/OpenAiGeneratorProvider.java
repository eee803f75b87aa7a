package dev.ariadne.langchain4j;

import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.generate.AnswerGeneratorProvider;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.engine.generate.GeneratingReasoner;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The generator for an OpenAI-compatible endpoint (OpenAI, Azure's OpenAI-compatible route, Ollama, vLLM,
 * LM Studio...), over LangChain4j's OpenAI client with the JDK HTTP client. Registered for
 * {@link java.util.ServiceLoader}, which is how {@code ariadne ask --generate} and the procedures find it.
 */
public final class OpenAiGeneratorProvider implements AnswerGeneratorProvider {
    /** The chat model for an endpoint. Retries are left to {@link GeneratingReasoner} so each one is traced. */
    public static ChatModel chatModel(LlmEndpoint endpoint) {
        return OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl().toString())
                // OpenAI-compatible local servers ignore the key but the client requires one
                .apiKey(endpoint.apiKey() == null ? "none" : endpoint.apiKey())
                .modelName(endpoint.model())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .temperature(0.0)
                .build();
    }

    @Override
    public AnswerGenerator create(LlmEndpoint endpoint) {
        return GeneratingReasoner.builder(chatModel(endpoint)).modelName(endpoint.model()).redacting(endpoint.apiKey()).build();
    }
}
