package dev.ariadne.langchain4j;

import dev.ariadne.core.generate.QuestionRewriter.Request;
import java.util.List;

/**
 * The two messages of one rewrite call. Both are part of the cache key, so any change to the wording here
 * invalidates cached answers: intended, since a new prompt deserves new answers.
 */
record RewritePrompt(String system, String user) {
    static RewritePrompt of(List<Request> batch, int variants) {
        return new RewritePrompt(system(variants), user(batch, variants));
    }

    private static String system(int variants) {
        StringBuilder example = new StringBuilder();
        for (int i = 0; i < variants; i++) {
            example.append(i == 0 ? "" : ", ").append("\"...\"");
        }
        return "You rewrite template questions about a knowledge graph into natural questions that a person would type "
                + "into a search box or a chat.\n"
                + "Rules for every rewrite:\n"
                + "- Keep the topic name verbatim: same spelling, same capitalisation, not shortened or translated.\n"
                + "- Keep the meaning: ask for exactly what the meaning line describes, no more and no less.\n"
                + "- Never state, guess or hint at the answer.\n"
                + "- Vary the wording between rewrites and do not copy the drafts.\n"
                + "Write " + variants + " rewrite" + (variants == 1 ? "" : "s") + " for each numbered question. "
                + "Answer with ONLY this JSON, no prose and no code fences:\n"
                + "{\"questions\":[{\"id\":1,\"rewrites\":[" + example + "]}]}";
    }

    private static String user(List<Request> batch, int variants) {
        StringBuilder sb = new StringBuilder("Rewrite these ").append(batch.size()).append(" question")
                .append(batch.size() == 1 ? "" : "s").append(" (").append(variants).append(" rewrite")
                .append(variants == 1 ? "" : "s").append(" each):\n");
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            sb.append('\n').append(i + 1).append(". topic: ").append(oneLine(r.topic())).append('\n')
                    .append("   meaning: ").append(oneLine(r.meaning())).append('\n')
                    .append("   drafts:\n");
            for (String draft : r.drafts()) {
                sb.append("   - ").append(oneLine(draft)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Graph names may hold line breaks; one per field keeps a name from posing as a new numbered item. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
