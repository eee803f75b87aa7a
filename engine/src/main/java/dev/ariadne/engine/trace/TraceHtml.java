package dev.ariadne.engine.trace;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.reason.ScoredAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page for one answer: inline CSS, an inline SVG drawing of the supporting subgraph
 * (laid out in columns by hop distance from the topic), the answers with their paths, the plans with the
 * exact queries, the linking candidates, and the Mermaid and DOT text. Nothing is fetched from the
 * network: the page reads the same offline.
 */
public final class TraceHtml {
    private static final int BOX_W = 190;
    private static final int BOX_H = 34;
    private static final int COL_GAP = 110;
    private static final int ROW_GAP = 22;
    private static final int MARGIN = 20;

    private TraceHtml() {
    }

    public static String render(Answer answer) {
        Trace t = answer.trace();
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Ariadne: ")
                .append(esc(t.question())).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>").append(esc(t.question())).append("</h1>\n");
        sb.append("<p class=\"answer\">").append(esc(answer.sentence())).append("</p>\n");
        sb.append("<p class=\"meta\">").append(esc(answer.timings().toString())).append(" &middot; trace schema ")
                .append(Trace.SCHEMA_VERSION).append("</p>\n");
        if (!t.answers().isEmpty()) {
            sb.append("<h2>Supporting subgraph</h2>\n").append(svg(SupportingSubgraph.of(t)));
        }
        sb.append("<h2>Answers</h2>\n");
        if (t.answers().isEmpty()) {
            sb.append("<p>No answer (").append(esc(t.noAnswer().reason().name())).append("): ")
                    .append(esc(t.noAnswer().detail())).append("</p>\n");
        } else {
            sb.append("<table><tr><th>#</th><th>answer</th><th>score</th><th>topics</th><th>supporting paths</th></tr>\n");
            int i = 1;
            for (ScoredAnswer a : t.answers()) {
                List<String> topics = new ArrayList<>();
                a.supportingTopics().forEach(e -> topics.add(e.name()));
                topics.sort(null);
                sb.append("<tr><td>").append(i++).append("</td><td><b>").append(esc(a.entity().name())).append("</b></td><td>")
                        .append(TraceText.fmt(a.score())).append("</td><td>").append(esc(String.join(" + ", topics)))
                        .append("</td><td>");
                for (ReasoningPath p : a.supportingPaths()) {
                    sb.append("<div class=\"path\">").append(esc(p.render())).append("</div>");
                }
                sb.append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h2>Plans and queries</h2>\n<table><tr><th>#</th><th>relation path</th><th>p</th><th>topic</th><th>retrieved</th><th>query</th></tr>\n");
        int i = 1;
        for (TracedRetrieval r : t.retrievals()) {
            sb.append("<tr><td>").append(i++).append("</td><td><code>").append(esc(r.plan().path().formatArrows()))
                    .append("</code></td><td>").append(TraceText.fmt(r.plan().probability())).append("</td><td>")
                    .append(esc(r.plan().topic().name())).append("</td><td>").append(esc(r.summary())).append("</td><td>");
            if (r.query() != null) {
                sb.append("<pre>").append(esc(r.query().text().strip())).append("</pre>");
                if (!r.query().parameters().isEmpty()) {
                    sb.append("<pre class=\"params\">").append(esc(new java.util.TreeMap<>(r.query().parameters()).toString()))
                            .append("</pre>");
                }
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Entity linking</h2>\n<table><tr><th>topic</th><th>mention</th><th>how</th><th>candidates</th></tr>\n");
        for (TopicLink link : t.topics()) {
            sb.append("<tr><td><b>").append(esc(link.entity().toString())).append("</b></td><td>").append(esc(link.mention()))
                    .append("</td><td>").append(link.source().name().toLowerCase(Locale.ROOT)).append("</td><td>");
            for (EntityCandidate c : link.candidates()) {
                sb.append("<div>").append(esc(c.entity().toString())).append(" &middot; ")
                        .append(c.kind().name().toLowerCase(Locale.ROOT)).append(" &middot; ").append(TraceText.fmt(c.score()))
                        .append("</div>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!t.answers().isEmpty()) {
            sb.append("<details><summary>Mermaid source</summary><pre>").append(esc(DiagramRenderer.mermaid(t)))
                    .append("</pre></details>\n");
            sb.append("<details><summary>Graphviz DOT source</summary><pre>").append(esc(DiagramRenderer.dot(t)))
                    .append("</pre></details>\n");
        }
        sb.append("<p class=\"meta\">Generated by Ariadne. Paths read <code>e0 -&gt; r1 -&gt; e1</code>; "
                + "<code>~r</code> walks a relationship against its stored direction.</p>\n</body></html>\n");
        return sb.toString();
    }

    static String svg(SupportingSubgraph g) {
        Map<Integer, Integer> rowsPerColumn = new HashMap<>();
        Map<String, int[]> pos = new HashMap<>();
        int maxDepth = 0;
        int maxRows = 0;
        for (SupportingSubgraph.Node n : g.nodes()) {
            int row = rowsPerColumn.merge(n.depth(), 1, Integer::sum) - 1;
            int x = MARGIN + n.depth() * (BOX_W + COL_GAP);
            int y = MARGIN + row * (BOX_H + ROW_GAP);
            pos.put(n.id(), new int[] {x, y});
            maxDepth = Math.max(maxDepth, n.depth());
            maxRows = Math.max(maxRows, row + 1);
        }
        int width = 2 * MARGIN + (maxDepth + 1) * BOX_W + maxDepth * COL_GAP;
        int height = 2 * MARGIN + maxRows * BOX_H + Math.max(0, maxRows - 1) * ROW_GAP;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#475569\"/></marker></defs>\n");
        for (SupportingSubgraph.Edge e : g.edges()) {
            int[] a = pos.get(e.from());
            int[] b = pos.get(e.to());
            boolean rightward = a[0] <= b[0];
            double x1 = rightward ? a[0] + BOX_W : a[0];
            double x2 = rightward ? b[0] : b[0] + BOX_W;
            if (a[0] == b[0]) {
                x1 = a[0] + BOX_W;
                x2 = b[0] + BOX_W;
            }
            double y1 = a[1] + BOX_H / 2.0;
            double y2 = b[1] + BOX_H / 2.0;
            double bend = a[0] == b[0] ? 60 : 0;
            double cx = (x1 + x2) / 2 + bend;
            sb.append(String.format(Locale.ROOT,
                    "<path d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" class=\"edge\" marker-end=\"url(#arrow)\"/>%n",
                    x1, y1, cx, y1, cx, y2, x2, y2));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"elabel\">%s</text>%n",
                    cx, (y1 + y2) / 2 - 4, esc(e.type())));
        }
        for (SupportingSubgraph.Node n : g.nodes()) {
            int[] p = pos.get(n.id());
            String name = n.entity().name();
            String shown = name.length() > 26 ? name.substring(0, 25) + "\u2026" : name;
            sb.append("<g class=\"node ").append(n.role().name().toLowerCase(Locale.ROOT)).append("\"><title>")
                    .append(esc(n.entity().toString())).append("</title>");
            sb.append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(BOX_W)
                    .append("\" height=\"").append(BOX_H).append("\" rx=\"8\"/>");
            sb.append("<text x=\"").append(p[0] + BOX_W / 2).append("\" y=\"").append(p[1] + BOX_H / 2 + 5)
                    .append("\">").append(esc(shown)).append("</text></g>\n");
        }
        sb.append("</svg>\n");
        if (g.omittedPaths() > 0) {
            sb.append("<p class=\"meta\">").append(g.omittedPaths()).append(" more supporting paths not drawn.</p>\n");
        }
        return sb.toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#0f172a;padding:0 1em}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.8em;border-bottom:1px solid #e2e8f0}
            .answer{font-size:1.25em;background:#dcfce7;border-left:4px solid #15803d;padding:.5em .8em}
            .meta{color:#64748b;font-size:.85em}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            th,td{border:1px solid #e2e8f0;padding:.35em .5em;text-align:left;vertical-align:top}
            th{background:#f1f5f9}
            pre{background:#f8fafc;border:1px solid #e2e8f0;padding:.5em;overflow-x:auto;font-size:.85em;margin:.2em 0}
            .path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;white-space:nowrap}
            svg{max-width:100%;height:auto;border:1px solid #e2e8f0;background:#fff}
            .node rect{fill:#f8fafc;stroke:#64748b}.node text{font-size:12px;text-anchor:middle}
            .node.topic rect{fill:#dbeafe;stroke:#1d4ed8;stroke-width:2}
            .node.answer rect{fill:#dcfce7;stroke:#15803d;stroke-width:2}
            .edge{fill:none;stroke:#475569;stroke-width:1.4}
            .elabel{font-size:11px;fill:#334155;text-anchor:middle}
            """;
}
