package dev.ariadne.core.generate;

/**
 * Makes the generator for an endpoint. Found through {@link java.util.ServiceLoader} so that the engine,
 * the CLI and the Neo4j plugin need no LLM client on their classpath: the {@code ariadne-langchain4j}
 * module provides the OpenAI-compatible one (docs/generation.md).
 */
public interface AnswerGeneratorProvider {
    AnswerGenerator create(LlmEndpoint endpoint);
}
