package dev.ariadne.engine.trace;

import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trace as readable text, paths printed as RoG prints them ({@code e0 -> r1 -> e1 -> r2 -> e2}).
 * Long lists are cut (with a count of what was left out) so a terminal stays readable; the JSON form
 * always holds everything.
 */
public final class TraceText {
    private static final int MAX_CANDIDATES = 3;
    private static final int MAX_PATHS_PER_ANSWER = 3;
    private static final int MAX_ANSWERS = 10;

    private TraceText() {
    }

    public static String render(Answer answer) {
        StringBuilder sb = new StringBuilder();
        sb.append("Answer: ").append(safe(answer.generatedText().orElse(answer.sentence()))).append('\n');
        sb.append(render(answer.trace()));
        sb.append("Timings: ").append(safe(answer.timings())).append('\n');
        return sb.toString();
    }

    public static String render(Trace t) {
        StringBuilder sb = new StringBuilder();
        sb.append("Question: ").append(safe(t.question())).append('\n');
        sb.append("Topics:\n");
        for (TopicLink link : t.topics()) {
            sb.append("  ").append(safe(link.entity()));
            sb.append("  (").append(link.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (link.start() >= 0) {
                sb.append(" \"").append(safe(link.mention())).append("\" at ").append(link.start()).append('-').append(link.end());
            }
            sb.append(')');
            List<EntityCandidate> cands = link.candidates();
            if (!cands.isEmpty()) {
                sb.append("  candidates: ");
                for (int i = 0; i < Math.min(MAX_CANDIDATES, cands.size()); i++) {
                    EntityCandidate c = cands.get(i);
                    sb.append(i > 0 ? ", " : "").append(safe(c.entity().key())).append(' ')
                            .append(c.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(fmt(c.score()));
                }
                if (cands.size() > MAX_CANDIDATES) {
                    sb.append(", +").append(cands.size() - MAX_CANDIDATES).append(" more");
                }
            }
            sb.append('\n');
        }
        if (t.mentions().size() > t.topics().size()) {
            sb.append("  (").append(t.mentions().size()).append(" spans matched entity names; see --json for all)\n");
        }
        sb.append("Plans:\n");
        int i = 1;
        for (TracedRetrieval r : t.retrievals()) {
            sb.append(String.format(Locale.ROOT, "  %d. %s  p=%s  from %s: %s%n", i++, safe(r.plan().path().formatArrows()),
                    fmt(r.plan().probability()), safe(r.plan().topic().name()), safe(r.summary())));
            if (!r.plan().untrainedRelations().isEmpty()) {
                sb.append("     untrained: the planner's training never met ").append(safe(r.plan().untrainedRelations()))
                        .append(" (scored by their wording alone)\n");
            }
            if (r.plan().proposal() != null && r.plan().proposal().action() != dev.ariadne.core.plan.PlanProposal.Action.VALID) {
                sb.append("     proposed by the model: ").append(safe(r.plan().proposal().proposed())).append(" (")
                        .append(safe(r.plan().proposal().action())).append(": ").append(safe(r.plan().proposal().detail())).append(")\n");
            }
            if (r.query() != null) {
                sb.append("     query (").append(safe(r.query().language())).append("): ")
                        .append(safe(r.query().text().replaceAll("\\s+", " ").strip())).append('\n');
                if (!r.query().parameters().isEmpty()) {
                    sb.append("     params: ").append(safe(new java.util.TreeMap<>(r.query().parameters()))).append('\n');
                }
            }
        }
        if (!t.droppedProposals().isEmpty()) {
            sb.append("Dropped proposals (nothing run):\n");
            for (dev.ariadne.core.plan.DroppedProposal d : t.droppedProposals()) {
                sb.append("  ").append(safe(d.proposed())).append("  from ").append(safe(d.topic().name())).append(": ")
                        .append(safe(d.reason())).append('\n');
            }
        }
        if (t.answers().isEmpty()) {
            sb.append("No answer: ").append(safe(t.noAnswer().reason())).append(": ").append(safe(t.noAnswer().detail())).append('\n');
            GenerationText.append(sb, t.generation());
            return sb.toString();
        }
        sb.append("Answers:\n");
        i = 1;
        for (ScoredAnswer a : t.answers()) {
            if (i > MAX_ANSWERS) {
                sb.append("  ... ").append(t.answers().size() - MAX_ANSWERS).append(" more answers\n");
                break;
            }
            List<String> topics = new ArrayList<>();
            for (Entity e : a.supportingTopics()) {
                topics.add(e.name());
            }
            topics.sort(null);
            sb.append(String.format(Locale.ROOT, "  %d. %s  score=%s  supported by %s%n", i++, safe(a.entity().name()),
                    fmt(a.score()), safe(String.join(" + ", topics))));
            List<ReasoningPath> paths = a.supportingPaths();
            for (int k = 0; k < Math.min(MAX_PATHS_PER_ANSWER, paths.size()); k++) {
                sb.append("       ").append(safe(paths.get(k).render())).append('\n');
            }
            if (paths.size() > MAX_PATHS_PER_ANSWER) {
                sb.append("       ... ").append(paths.size() - MAX_PATHS_PER_ANSWER).append(" more paths\n");
            }
        }
        GenerationText.append(sb, t.generation());
        return sb.toString();
    }

    /** Graph data and the question are untrusted: no control character reaches the terminal raw. */
    private static String safe(Object value) {
        return TerminalText.escape(String.valueOf(value));
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
