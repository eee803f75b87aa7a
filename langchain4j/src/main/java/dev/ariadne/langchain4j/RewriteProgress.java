package dev.ariadne.langchain4j;

import dev.ariadne.core.generate.QuestionRewriter.Stats;
import java.io.PrintStream;

/**
 * The rewriter's console output: one line redrawn in place with {@code \r} as batches finish, and notes
 * (failures, the spent budget) on lines of their own so the redrawn line never overwrites them. With no
 * stream, nothing is written.
 */
final class RewriteProgress {
    private final PrintStream out;
    /** Whether the cursor sits at the end of a progress line, which a note must end first. */
    private boolean lineOpen;

    RewriteProgress(PrintStream out) {
        this.out = out;
    }

    void update(int done, int total, Stats stats) {
        if (out == null) {
            return;
        }
        out.print("\r  rewriting questions: " + done + "/" + total + " paths, " + stats.calls() + " calls, " + stats.cached()
                + " cached, " + stats.failed() + " failed");
        out.flush();
        lineOpen = true;
    }

    void note(String line) {
        if (out == null) {
            return;
        }
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println("  " + line);
        out.flush();
    }

    /** Ends the progress line so that whatever the caller prints next starts on a fresh one. */
    void end() {
        if (out != null && lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }
}
