package dev.ariadne.engine.cli;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.text.TerminalText;
import dev.ariadne.engine.Ariadne;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * {@code ariadne ask} with no question: one engine, many questions, so the start-up is paid once. One question
 * per line; {@code history} lists this session's questions and {@code !N} asks the N-th again; an empty line,
 * {@code exit}, {@code quit} or end of input ends it. A question that fails prints its error and the prompt
 * goes on.
 */
final class AskPrompt {
    private final Ariadne ariadne;
    private final List<String> topics;
    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BiConsumer<Answer, PrintWriter> printer;
    private final List<String> history = new ArrayList<>();

    AskPrompt(Ariadne ariadne, List<String> topics, BufferedReader in, PrintWriter out, PrintWriter err,
              BiConsumer<Answer, PrintWriter> printer) {
        this.ariadne = ariadne;
        this.topics = topics;
        this.in = in;
        this.out = out;
        this.err = err;
        this.printer = printer;
    }

    void run() {
        out.println("Ariadne: one question per line; 'history' lists them, '!N' asks the N-th again; empty line or 'exit' ends.");
        while (true) {
            out.print("ariadne> ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the next question", e);
            }
            if (line == null || line.isBlank() || line.strip().equals("exit") || line.strip().equals("quit")) {
                out.println();
                out.flush();
                return;
            }
            String q = line.strip();
            if (q.equals("history")) {
                for (int i = 0; i < history.size(); i++) {
                    out.printf(Locale.ROOT, "%4d  %s%n", i + 1, TerminalText.escape(history.get(i)));
                }
                continue;
            }
            if (q.startsWith("!")) {
                q = recall(q);
                if (q == null) {
                    continue;
                }
                out.println(TerminalText.escape(q));
            }
            history.add(q);
            try {
                printer.accept(topics.isEmpty() ? ariadne.ask(q) : ariadne.ask(q, topics), out);
            } catch (AriadneException e) {
                err.println("ariadne: " + TerminalText.escape(e.getMessage()));
                err.flush();
            }
        }
    }

    /** The question {@code !N} names, or null (with a message) when there is none. */
    private String recall(String q) {
        try {
            int n = Integer.parseInt(q.substring(1).strip());
            if (n >= 1 && n <= history.size()) {
                return history.get(n - 1);
            }
        } catch (NumberFormatException e) {
            // not a number: said below, like an out-of-range one
        }
        err.println("ariadne: no question " + TerminalText.escape(q) + " in this session's history (" + history.size() + " so far)");
        err.flush();
        return null;
    }
}
