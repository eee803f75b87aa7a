package dev.ariadne.core.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrievalLimitsTest {
    @Test
    void defaults() {
        RetrievalLimits d = RetrievalLimits.DEFAULT;
        assertEquals(1_000, d.maxPaths());
        assertEquals(10_000, d.maxFrontierPerHop());
        assertEquals(Duration.ofSeconds(5), d.timeout());
        assertFalse(d.keepTopic());
    }

    @Test
    void withersChangeOneField() {
        RetrievalLimits d = RetrievalLimits.DEFAULT;
        assertEquals(new RetrievalLimits(7, 10_000, Duration.ofSeconds(5), false), d.withMaxPaths(7));
        assertEquals(new RetrievalLimits(1_000, 3, Duration.ofSeconds(5), false), d.withMaxFrontierPerHop(3));
        assertEquals(new RetrievalLimits(1_000, 10_000, Duration.ofMillis(9), false), d.withTimeout(Duration.ofMillis(9)));
        assertTrue(d.withKeepTopic(true).keepTopic());
        assertFalse(d.keepTopic());
    }

    @Test
    void rejectsBadValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetrievalLimits.DEFAULT.withMaxPaths(0))
                .getMessage().contains("maxPaths"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetrievalLimits.DEFAULT.withMaxFrontierPerHop(-1))
                .getMessage().contains("maxFrontierPerHop"));
        assertThrows(IllegalArgumentException.class, () -> RetrievalLimits.DEFAULT.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetrievalLimits.DEFAULT.withTimeout(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> RetrievalLimits.DEFAULT.withTimeout(null));
    }
}
