package dev.ariadne.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ariadne.core.generate.QuestionRewriter.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache key: the same prompt to the same model hits, anything else misses. */
class RewriteCacheTest {
    private static final Request A = new Request("Alpha", "the a of Alpha", List.of("what is the a of Alpha"));
    private static final Request B = new Request("Beta", "the b of Beta", List.of("what is the b of Beta"));

    @Test
    void theCacheKeyChangesWithTheModelAndThePrompt() {
        RewritePrompt ab = RewritePrompt.of(List.of(A, B), 2);
        String key = RewriteCache.key("m1", ab);
        assertEquals(64, key.length());
        assertEquals(key, RewriteCache.key("m1", RewritePrompt.of(List.of(A, B), 2)));
        assertNotEquals(key, RewriteCache.key("m2", ab));
        assertNotEquals(key, RewriteCache.key("m1", RewritePrompt.of(List.of(B, A), 2)));
        assertNotEquals(key, RewriteCache.key("m1", RewritePrompt.of(List.of(A, B), 3)));
    }
}
