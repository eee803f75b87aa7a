package dev.ariadne.engine.generate;

import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.core.generate.QuestionRewriter;
import dev.ariadne.core.generate.QuestionRewriterProvider;
import dev.ariadne.core.generate.RewriteOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's tests' stand-in for ariadne-langchain4j's question rewriter (whose HTTP behaviour that module
 * tests against a scripted server): found through ServiceLoader as in production, it records what the CLI
 * handed it and rewords each request twice, once keeping the topic and once losing it.
 */
public final class TestQuestionRewriterProvider implements QuestionRewriterProvider {
    /** The last endpoint and options the CLI passed, for assertions. */
    public static volatile LlmEndpoint lastEndpoint;
    public static volatile RewriteOptions lastOptions;

    @Override
    public QuestionRewriter create(LlmEndpoint endpoint, RewriteOptions options) {
        lastEndpoint = endpoint;
        lastOptions = options;
        return new QuestionRewriter() {
            private int calls;

            @Override
            public List<List<String>> rewrite(List<Request> requests) {
                calls++;
                List<List<String>> out = new ArrayList<>();
                for (Request r : requests) {
                    out.add(List.of("In plain words: " + r.meaning() + "?", "a rewrite that lost its topic"));
                }
                return out;
            }

            @Override
            public Stats stats() {
                return new Stats(calls, 0, 0, options.maxCalls() - calls);
            }

            @Override
            public void close() {
            }
        };
    }
}
