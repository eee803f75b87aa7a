package dev.ariadne.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapesTerminalControlSequences() {
        assertEquals("\\u001b[2J\\u0007Evil", TerminalText.escape("\u001b[2J\u0007Evil"));
        assertEquals("a\\u0009b\\u000ac\\u000d", TerminalText.escape("a\tb\nc\r"));
        assertEquals("\\u007f\\u009b", TerminalText.escape("\u007f\u009b"));
        assertEquals("abc\\u202edef\\u2066", TerminalText.escape("abc\u202edef\u2066"));
    }

    @Test
    void leavesPrintableTextAlone() {
        String s = "Café Noir — 東京物語 ‘quoted’ [x] {y}";
        assertSame(s, TerminalText.escape(s));
        assertFalse(TerminalText.hasUnsafe(s));
        assertTrue(TerminalText.hasUnsafe("x\u001by"));
    }

    @Test
    void excerptsCutLongInputAndSayHowLongItWas() {
        assertEquals("short", TerminalText.excerpt("short", 10));
        assertEquals("aaaaa... (9000 characters)", TerminalText.excerpt("a".repeat(9000), 5));
        assertEquals("ab... (4 characters)", TerminalText.excerpt("ab\ud83d\ude00", 3), "no half surrogate pair");
        String message = new dev.ariadne.core.error.EntityNotFoundException("x".repeat(9000), null).getMessage();
        assertTrue(message.length() < 300 && message.endsWith("(9000 characters)'"), message);
    }

    @Test
    void randomTextHasNoUnsafeCharacterOnceEscaped() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int k = 0; k < 2_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(40); i > 0; i--) {
                b.append((char) (r.nextBoolean() ? r.nextInt(0xa0) : r.nextInt(0x2100, 0x2200)));
            }
            String e = TerminalText.escape(b);
            assertFalse(TerminalText.hasUnsafe(e), () -> "seed " + seed + " (-Dtests.seed=" + seed + "): " + e);
        }
    }
}
