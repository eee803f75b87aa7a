package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes questions for a relation path without a language model. The path is worded from the topic
 * outwards: each hop but the last wraps what came before in one of its noun phrases ("the director of
 * {X}", "{X} 's director", "the things directed by {X}"), so both English orders and their mixtures arise
 * ("the genre of the films directed by X", "X 's director 's films"); the last hop is one of its whole
 * questions ("who directed {X}") or a wh-question around a noun phrase ("what are the films directed by
 * {X}", "{X} directed which films"). Then noise, as users type: some function words dropped, the question
 * mark and capital letter kept or not. The topic is written as its name, with no brackets.
 */
public final class QuestionGrammar {
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "is", "are", "was", "were", "what", "which",
            "a", "an", "did", "does", "that", "things", "who");
    /**
     * Nouns that name no relation, written where the grammar says "things": a question's nouns are read as
     * relation words, so the planner must see that a class noun ("which ones", "the works", and at
     * question time "the films") adds no hop.
     */
    private static final String[] PLACEHOLDERS = {"things", "ones", "works", "items", "entities", "entries", "those"};
    private static final java.util.regex.Pattern THINGS = java.util.regex.Pattern.compile("\\bthings\\b");
    private static final String[] WRAPS = {"what is %s", "what are %s", "who is %s", "who are %s", "which are %s",
        "which things are %s", "what are all %s", "list %s",
        "%s is what", "%s are who", "name %s", "tell me %s", "%s"};

    private final PhraseBook phrases;
    private final double noise;
    private final List<String> classNouns;

    /**
     * @param noise the chance that a question is written with noise (function words dropped, casing), 0..1
     */
    public QuestionGrammar(PhraseBook phrases, double noise) {
        this(phrases, noise, List.of());
    }

    /**
     * @param classNouns the graph's own class nouns ({@link ClassNouns}): half the placeholders are drawn
     *                   from them when there are any
     */
    public QuestionGrammar(PhraseBook phrases, double noise, List<String> classNouns) {
        if (noise < 0 || noise > 1) {
            throw new IllegalArgumentException("noise must be within 0..1: " + noise);
        }
        this.phrases = phrases;
        this.noise = noise;
        this.classNouns = List.copyOf(classNouns);
    }

    /** Up to {@code n} distinct questions about {@code topicName} asking for {@code path}. */
    public List<String> questions(RelationPath path, String topicName, int n, SplittableRandom rng) {
        Set<String> out = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 4 * n && out.size() < n; attempt++) {
            out.add(question(path, topicName, rng));
        }
        return new ArrayList<>(out);
    }

    /** What the path asks, in the plain nested form ("the director of the films starring X"), for a person or a model. */
    public String meaning(RelationPath path, String topicName) {
        String np = topicName;
        for (DirectedRelation hop : path.hops()) {
            RelationPhrases.Direction d = direction(hop);
            String phrase = d.phrases().isEmpty() ? d.questions().get(0) : d.phrases().get(0);
            np = phrase.replace(RelationWording.SLOT, np);
        }
        return np;
    }

    private String question(RelationPath path, String topicName, SplittableRandom rng) {
        String q = draft(path, topicName, rng).replaceAll("\\s+", " ").strip();
        q = placeholders(q, topicName, rng);
        return rng.nextDouble() < noise ? noisy(q, topicName, rng) : q;
    }

    /** The question before clean-up and noise: nested noun phrases, then the last hop's question or a wrap. */
    private String draft(RelationPath path, String topicName, SplittableRandom rng) {
        String np = topicName;
        int last = path.length() - 1;
        int h = 0;
        RelationPhrases.Direction sibling = path.length() >= 2 && rng.nextBoolean() ? sibling(path.hop(0), path.hop(1)) : null;
        if (sibling != null) {
            if (path.length() == 2) {
                return fill(pick(sibling.questions(), rng), np);
            }
            np = fill(pick(sibling.phrases(), rng), np);
            h = 2;
        }
        for (; h < last; h++) {
            np = fill(pick(nounPhrases(path.hop(h)), rng), np);
        }
        RelationPhrases.Direction d = direction(path.hop(last));
        boolean whole = !d.questions().isEmpty() && (d.phrases().isEmpty() || rng.nextInt(3) > 0);
        return whole ? fill(pick(d.questions(), rng), np)
                : String.format(Locale.ROOT, WRAPS[rng.nextInt(WRAPS.length)], fill(pick(d.phrases(), rng), np));
    }

    /** Each "things" outside the topic's name becomes a placeholder noun: a class noun of the graph, or one of {@link #PLACEHOLDERS}. */
    private String placeholders(String q, String topicName, SplittableRandom rng) {
        int at = q.indexOf(topicName);
        if (at < 0) {
            return replaceThings(q, rng);
        }
        return replaceThings(q.substring(0, at), rng) + topicName + replaceThings(q.substring(at + topicName.length()), rng);
    }

    private String replaceThings(String text, SplittableRandom rng) {
        java.util.regex.Matcher m = THINGS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, !classNouns.isEmpty() && rng.nextBoolean() ? pick(classNouns, rng)
                    : PLACEHOLDERS[rng.nextInt(PLACEHOLDERS.length)]);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The wording of a hop walked straight back ("the films with the same director as X"), or null. */
    private static RelationPhrases.Direction sibling(DirectedRelation a, DirectedRelation b) {
        if (!a.type().equals(b.type()) || a.isInverse() == b.isInverse()) {
            return null;
        }
        return RelationWording.siblings(a.type(), !a.isInverse());
    }

    private RelationPhrases.Direction direction(DirectedRelation hop) {
        return phrases.phrases(hop.type()).of(hop.isInverse());
    }

    /** A hop's noun phrases; a direction written only as questions nests its questions instead. */
    private List<String> nounPhrases(DirectedRelation hop) {
        RelationPhrases.Direction d = direction(hop);
        return d.phrases().isEmpty() ? d.questions() : d.phrases();
    }

    private static String fill(String pattern, String inner) {
        return pattern.replace(RelationWording.SLOT, inner);
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }

    /** Drops one or two function words outside the topic's name, and varies the casing and final mark. */
    private static String noisy(String q, String topicName, SplittableRandom rng) {
        int at = q.indexOf(topicName);
        String before = at >= 0 ? q.substring(0, at) : q;
        String after = at >= 0 ? q.substring(at + topicName.length()) : "";
        int drops = 1 + rng.nextInt(2);
        for (int i = 0; i < drops; i++) {
            if (rng.nextBoolean() || after.isBlank()) {
                before = dropOne(before, rng);
            } else {
                after = dropOne(after, rng);
            }
        }
        String out = at >= 0 ? before + topicName + after : before;
        out = out.replaceAll("\\s+", " ").strip();
        if (rng.nextInt(3) == 0 && !out.isEmpty()) {
            out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
        }
        if (rng.nextInt(3) == 0) {
            out = out + "?";
        }
        return out;
    }

    private static String dropOne(String text, SplittableRandom rng) {
        String[] words = text.split(" ", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (FUNCTION_WORDS.contains(words[i])) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        int drop = candidates.get(rng.nextInt(candidates.size()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i != drop) {
                sb.append(words[i]);
                if (i < words.length - 1) {
                    sb.append(' ');
                }
            } else if (i == words.length - 1 && sb.length() > 0) {
                sb.setLength(sb.length() - 1);
            }
        }
        return sb.toString();
    }
}
