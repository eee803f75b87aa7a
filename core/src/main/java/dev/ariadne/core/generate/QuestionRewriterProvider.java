package dev.ariadne.core.generate;

/**
 * Makes the {@link QuestionRewriter} for an endpoint. Found through {@link java.util.ServiceLoader} so that
 * training needs no LLM client on its classpath: the {@code ariadne-langchain4j} module provides the
 * OpenAI-compatible one.
 */
public interface QuestionRewriterProvider {
    QuestionRewriter create(LlmEndpoint endpoint, RewriteOptions options);
}
