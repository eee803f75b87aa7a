package dev.ariadne.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.GraphUnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.TransientTransactionFailureException;

/** A read spoiled by a concurrent write (Neo4j's "read outdated data") is run again, within a bound. */
class ReadRetryTest {
    @Test
    void aReadThatLostARaceWithAWriteIsRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        String value = ReadRetry.attempts("test read", () -> {
            if (calls.incrementAndGet() < 3) {
                throw TransientTransactionFailureException.outdatedRead();
            }
            return "read";
        });
        assertEquals("read", value);
        assertEquals(3, calls.get());
    }

    @Test
    void aReadThatKeepsLosingFailsTypedAndNamesWhatItWasDoing() {
        AtomicInteger calls = new AtomicInteger();
        GraphUnavailableException e = assertThrows(GraphUnavailableException.class, () -> ReadRetry.attempts("planning from 'x'", () -> {
            calls.incrementAndGet();
            throw TransientTransactionFailureException.outdatedRead();
        }));
        assertEquals(ReadRetry.MAX_ATTEMPTS, calls.get());
        assertTrue(e.getMessage().startsWith("planning from 'x' failed 10 times in a row because concurrent writes"), e.getMessage());
        assertTrue(e.getCause() instanceof TransientTransactionFailureException);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadRetry.attempts("read", () -> {
            calls.incrementAndGet();
            throw boom;
        }));
        assertSame(boom, e);
        assertEquals(1, calls.get());
    }
}
