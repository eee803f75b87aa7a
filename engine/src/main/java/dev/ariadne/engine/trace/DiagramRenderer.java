package dev.ariadne.engine.trace;

import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.text.TerminalText;

/**
 * The supporting subgraph of a trace as Mermaid ({@code flowchart LR}) or Graphviz DOT text. Topics are
 * drawn as rounded boxes, answers highlighted, relationships in their stored direction with their type
 * as the label. Paste Mermaid into any Mermaid viewer (GitHub renders it in Markdown); pipe DOT into
 * {@code dot -Tsvg}.
 */
public final class DiagramRenderer {
    private DiagramRenderer() {
    }

    public static String mermaid(Trace trace) {
        SupportingSubgraph g = SupportingSubgraph.of(trace);
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (SupportingSubgraph.Node n : g.nodes()) {
            String label = mermaidText(n.entity().name());
            sb.append("  ").append(n.id());
            sb.append(switch (n.role()) {
                case TOPIC -> "([\"" + label + "\"])";
                case ANSWER -> "[[\"" + label + "\"]]";
                case INTERMEDIATE -> "[\"" + label + "\"]";
            });
            sb.append(":::").append(n.role().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        }
        for (SupportingSubgraph.Edge e : g.edges()) {
            sb.append("  ").append(e.from()).append(" -->|\"").append(mermaidText(e.type())).append("\"| ")
                    .append(e.to()).append('\n');
        }
        sb.append("  classDef topic fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px\n");
        sb.append("  classDef answer fill:#dcfce7,stroke:#15803d,stroke-width:2px\n");
        sb.append("  classDef intermediate fill:#f8fafc,stroke:#64748b\n");
        if (g.omittedPaths() > 0) {
            sb.append("  %% ").append(g.omittedPaths()).append(" more supporting paths not drawn\n");
        }
        return sb.toString();
    }

    public static String dot(Trace trace) {
        SupportingSubgraph g = SupportingSubgraph.of(trace);
        StringBuilder sb = new StringBuilder("digraph ariadne {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f8fafc\", fontname=\"Helvetica\"];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (SupportingSubgraph.Node n : g.nodes()) {
            sb.append("  ").append(n.id()).append(" [label=\"").append(dotText(n.entity().name())).append('"');
            switch (n.role()) {
                case TOPIC -> sb.append(", fillcolor=\"#dbeafe\", color=\"#1d4ed8\", penwidth=2");
                case ANSWER -> sb.append(", fillcolor=\"#dcfce7\", color=\"#15803d\", penwidth=2");
                default -> { }
            }
            sb.append("];\n");
        }
        for (SupportingSubgraph.Edge e : g.edges()) {
            sb.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=\"").append(dotText(e.type()))
                    .append("\"];\n");
        }
        if (g.omittedPaths() > 0) {
            sb.append("  // ").append(g.omittedPaths()).append(" more supporting paths not drawn\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * Mermaid labels in quotes take HTML entities; quotes and angle brackets must be escaped. Control
     * characters are escaped first (as backslash-u text) since this text is printed to a terminal.
     */
    static String mermaidText(String raw) {
        String s = TerminalText.escape(raw);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '#' -> sb.append("#35;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A DOT quoted string: control characters escaped for the terminal first, then backslashes and quotes. */
    static String dotText(String raw) {
        return TerminalText.escape(raw).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
