package dev.ariadne.engine.trace;

import dev.ariadne.core.generate.Generation;
import dev.ariadne.core.generate.GroundedEntity;
import dev.ariadne.core.generate.ModelCall;
import dev.ariadne.core.generate.UngroundedEntity;
import dev.ariadne.core.text.TerminalText;
import java.util.Locale;

/**
 * The "Generation" section of a text trace. The model's text is untrusted (it may hold control
 * characters), so everything it wrote is escaped for the terminal.
 */
final class GenerationText {
    private GenerationText() {
    }

    static void append(StringBuilder sb, Generation g) {
        if (g == null) {
            return;
        }
        sb.append("Generation (").append(TerminalText.escape(g.model())).append("): ").append(g.status());
        if (g.fallbackReason() != null) {
            sb.append(", path reasoner's answer used: ").append(TerminalText.escape(g.fallbackReason()));
        }
        sb.append('\n');
        if (g.text() != null) {
            sb.append("  model said: ").append(TerminalText.escape(g.text())).append(g.textTruncated() ? " [cut]" : "").append('\n');
        }
        for (GroundedEntity e : g.grounded()) {
            sb.append("  grounded: ").append(TerminalText.escape(e.named())).append(" = ")
                    .append(TerminalText.escape(e.entity().toString())).append(" (by ")
                    .append(e.matchedBy().name().toLowerCase(Locale.ROOT)).append(")\n");
        }
        for (UngroundedEntity e : g.ungrounded()) {
            sb.append("  ungrounded (not on any retrieved path, not answered): ").append(TerminalText.escape(e.named())).append('\n');
        }
        for (ModelCall c : g.calls()) {
            sb.append(String.format(Locale.ROOT, "  call %d: %s, %d ms, tokens in/out %s/%s%s%n", c.attempt(), c.outcome(),
                    c.millis(), c.inputTokens() == null ? "?" : c.inputTokens(), c.outputTokens() == null ? "?" : c.outputTokens(),
                    c.error() == null ? "" : ": " + TerminalText.escape(c.error())));
        }
    }
}
