package dev.ariadne.langchain4j;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.generate.QuestionRewriterProvider;
import dev.ariadne.core.generate.RewriteOptions;

/**
 * The training-time question rewriter for an OpenAI-compatible endpoint, over the same chat model as
 * {@link OpenAiGeneratorProvider} (temperature 0, so a cached answer is the one a rerun would get anyway).
 * Registered for {@link java.util.ServiceLoader}, which is how training finds it.
 */
public final class OpenAiQuestionRewriterProvider implements QuestionRewriterProvider {
    @Override
    public QuestionRewriter create(LlmEndpoint endpoint, RewriteOptions options) {
        return new LlmQuestionRewriter(OpenAiGeneratorProvider.chatModel(endpoint), endpoint.model(), options, endpoint.apiKey(),
                Thread::sleep);
    }
}
