package dev.ariadne.core.generate;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link AnswerGeneratorProvider} on the classpath. */
public final class AnswerGenerators {
    private AnswerGenerators() {
    }

    /** The generator for {@code endpoint}; an error when no provider is installed. */
    public static AnswerGenerator forEndpoint(LlmEndpoint endpoint) {
        Iterator<AnswerGeneratorProvider> it = ServiceLoader.load(AnswerGeneratorProvider.class,
                AnswerGeneratorProvider.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new InvalidInputException("generation needs an LLM client: put the ariadne-langchain4j jar and its "
                    + "dependencies on the classpath (the ariadne launcher ships them; for the Neo4j plugin see docs/generation.md)");
        }
        return it.next().create(endpoint);
    }
}
