package dev.ariadne.core.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link QuestionRewriterProvider} on the classpath. */
public final class QuestionRewriters {
    private QuestionRewriters() {
    }

    /** The rewriter for {@code endpoint}; an error when no provider is installed. */
    public static QuestionRewriter forEndpoint(LlmEndpoint endpoint, RewriteOptions options) {
        Iterator<QuestionRewriterProvider> it = ServiceLoader.load(QuestionRewriterProvider.class,
                QuestionRewriterProvider.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new InvalidInputException("rewriting training questions with a language model needs an LLM client: put the "
                    + "ariadne-langchain4j jar and its dependencies on the classpath (the ariadne launcher ships them)");
        }
        return it.next().create(endpoint, options);
    }
}
