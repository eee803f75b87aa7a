package dev.ariadne.models.training.synthetic;

import dev.ariadne.models.verbalise.PathVerbaliser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives a relation type's English phrases from its name alone, in every naming style users have
 * ({@code directed_by}, {@code ACTED_IN}, {@code actedIn}, {@code __film__film__directed_by},
 * {@code people.person.nationality}, {@code plays_in_club_inverse}). Three shapes are recognised from the
 * words: a passive "V by" ("directed by": who directed X / what did X direct), a verb with a trailing
 * preposition ("acted in": what did X act in / who acted in X), and everything else read as a noun
 * ("genre", "release year": the genre of X / what has genre X). A trailing "inverse" swaps the directions.
 * English morphology only (a few irregular participles and the usual -ed endings); a wrong guess is
 * harmless noise beside the plain "the R of X" forms every relation also gets, and the phrase file
 * lets a user correct it.
 */
final class RelationWording {
    static final String SLOT = "{X}";

    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "on", "for", "of", "to", "with", "from", "into",
            "by", "as", "about", "under", "over", "near", "after", "before");
    /** Participle -> {base verb, simple past, agent noun}; the irregular verbs common in relation names. */
    private static final Map<String, String[]> IRREGULAR = Map.ofEntries(
            Map.entry("written", new String[] {"write", "wrote", "writer"}),
            Map.entry("born", new String[] {"be born", "was born", "native"}),
            Map.entry("known", new String[] {"know", "knew", "knower"}),
            Map.entry("sung", new String[] {"sing", "sang", "singer"}),
            Map.entry("drawn", new String[] {"draw", "drew", "artist"}),
            Map.entry("made", new String[] {"make", "made", "maker"}),
            Map.entry("wrote", new String[] {"write", "wrote", "writer"}),
            Map.entry("built", new String[] {"build", "built", "builder"}),
            Map.entry("taught", new String[] {"teach", "taught", "teacher"}),
            Map.entry("led", new String[] {"lead", "led", "leader"}),
            Map.entry("held", new String[] {"hold", "held", "holder"}),
            Map.entry("won", new String[] {"win", "won", "winner"}),
            Map.entry("founded", new String[] {"found", "founded", "founder"}),
            Map.entry("spoken", new String[] {"speak", "spoke", "speaker"}),
            Map.entry("chosen", new String[] {"choose", "chose", "chooser"}),
            Map.entry("given", new String[] {"give", "gave", "giver"}),
            Map.entry("shot", new String[] {"shoot", "shot", "shooter"}),
            Map.entry("sold", new String[] {"sell", "sold", "seller"}),
            Map.entry("bought", new String[] {"buy", "bought", "buyer"}));

    /** How a type name reads, checked in this order: "directed by", "acted in", "DIRECTED", "starred actors", else a noun. */
    private enum Shape { PASSIVE, VERB_PREP, LONE_VERB, PARTICIPLE_NOUN, NOUN }

    /**
     * A type name read for wording: its words without a leading has/is/have or a trailing "inverse",
     * whether that "inverse" swaps the directions, and its shape.
     */
    private record Name(List<String> words, boolean inverse, Shape shape) {
        static Name of(String type) {
            List<String> words = new ArrayList<>(relationWords(type));
            boolean inverse = words.size() > 1 && words.get(words.size() - 1).equals("inverse");
            if (inverse) {
                words.remove(words.size() - 1);
            }
            while (words.size() > 1 && (words.get(0).equals("has") || words.get(0).equals("is") || words.get(0).equals("have"))) {
                words.remove(0);
            }
            String last = words.get(words.size() - 1);
            Shape shape;
            if (words.size() >= 2 && last.equals("by") && verbForms(words.get(words.size() - 2)) != null) {
                shape = Shape.PASSIVE;
            } else if (words.size() >= 2 && PREPOSITIONS.contains(last) && verbForms(words.get(0)) != null) {
                shape = Shape.VERB_PREP;
            } else if (words.size() == 1 && verbForms(last) != null) {
                shape = Shape.LONE_VERB;
            } else if (words.size() >= 2 && verbForms(words.get(0)) != null && words.get(0).endsWith("ed")) {
                shape = Shape.PARTICIPLE_NOUN;
            } else {
                shape = Shape.NOUN;
            }
            return new Name(List.copyOf(words), inverse, shape);
        }
    }

    /** The phrases of one relation type in both directions, derived from its name. */
    static RelationPhrases derive(String type) {
        Name name = Name.of(type);
        List<String> words = name.words();
        boolean inverse = name.inverse();
        String text = String.join(" ", words);
        RelationPhrases.Direction fwd;
        RelationPhrases.Direction inv;
        String last = words.get(words.size() - 1);
        if (name.shape() == Shape.PASSIVE) {
            fwd = passiveForward(words, text);
            inv = passiveInverse(words, text);
        } else if (name.shape() == Shape.VERB_PREP) {
            fwd = verbForward(words, text);
            inv = verbInverse(words, text);
        } else if (name.shape() == Shape.LONE_VERB) {
            // "DIRECTED" (person -> film): the subject did it
            fwd = activeForward(last);
            inv = activeInverse(last);
        } else if (name.shape() == Shape.PARTICIPLE_NOUN) {
            // "starred actors": the noun, and the participle read as a verb with English's default "in"
            // ("who starred in X", "what did X star in"); a guess the phrase file can correct
            String[] v = verbForms(words.get(0));
            fwd = merge(nounForward(words), new RelationPhrases.Direction(List.of("the ones who " + v[1] + " in " + SLOT),
                    List.of("who " + v[1] + " in " + SLOT)));
            inv = merge(nounInverse(words), new RelationPhrases.Direction(List.of("the things " + SLOT + " " + v[1] + " in"),
                    List.of("what did " + SLOT + " " + v[0] + " in", "what has " + SLOT + " " + v[1] + " in")));
        } else {
            fwd = nounForward(words);
            inv = nounInverse(words);
        }
        return inverse ? new RelationPhrases(inv, fwd) : new RelationPhrases(fwd, inv);
    }

    /**
     * The phrases of an attribute (a node property answered as a value) named {@code name}. A lone participle
     * ({@code released}, {@code born}, {@code founded}) reads as when the thing was so, and back from a value as
     * what was so in it ("when was X released", "which things were released in 1999"); any other name is
     * worded as a relation ("the languages of X", "the things whose release year is 1999").
     */
    static RelationPhrases deriveAttribute(String name) {
        Name n = Name.of(name);
        List<String> words = n.words();
        String last = words.get(words.size() - 1);
        boolean participle = words.size() == 1 && (last.endsWith("ed") || IRREGULAR.containsKey(last))
                && verbForms(last) != null;
        if (!participle || n.inverse()) {
            return derive(name);
        }
        String p = last;
        RelationPhrases.Direction value = new RelationPhrases.Direction(
                List.of("when " + SLOT + " was " + p, "the time " + SLOT + " was " + p, "the year " + SLOT + " was " + p),
                List.of("when was " + SLOT + " " + p, "what year was " + SLOT + " " + p, "in what year was " + SLOT + " " + p,
                        SLOT + " was " + p + " when", SLOT + " was " + p + " in what year"));
        RelationPhrases.Direction holders = new RelationPhrases.Direction(
                List.of("the things " + p + " in " + SLOT, "things " + p + " in " + SLOT, "what was " + p + " in " + SLOT),
                List.of("what was " + p + " in " + SLOT, "which things were " + p + " in " + SLOT, "who was " + p + " in " + SLOT,
                        "what things were " + p + " in " + SLOT, "list things " + p + " in " + SLOT));
        return new RelationPhrases(value, holders);
    }

    /**
     * The words of a type name: Freebase and dotted names keep their last segment ("people.person.nationality"
     * reads "nationality", "__film__film__directed_by" reads "directed by"), then {@link PathVerbaliser#words}.
     */
    static List<String> relationWords(String type) {
        String t = type;
        int dot = t.lastIndexOf('.');
        if (dot >= 0 && dot + 1 < t.length()) {
            t = t.substring(dot + 1);
        }
        int dunder = t.lastIndexOf("__");
        if (dunder >= 0 && dunder + 2 < t.length()) {
            t = t.substring(dunder + 2);
        }
        int slash = t.lastIndexOf('/');
        if (slash >= 0 && slash + 1 < t.length()) {
            t = t.substring(slash + 1);
        }
        return PathVerbaliser.words(t);
    }

    /** {base, past, agent} of a participle or past form, or null when {@code w} does not look like one. */
    static String[] verbForms(String w) {
        String[] irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() < 4) {
            return null;
        }
        if (w.endsWith("ied")) {
            String stem = w.substring(0, w.length() - 3);
            return new String[] {stem + "y", w, stem + "ier"};
        }
        if (w.endsWith("ed")) {
            String stem = w.substring(0, w.length() - 2);
            int n = stem.length();
            if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && !"aeiou".contains(stem.substring(n - 1))
                    && stem.charAt(n - 1) != 's' && stem.charAt(n - 1) != 'l') {
                stem = stem.substring(0, n - 1); // starred -> star, planned -> plan
            } else if (stem.endsWith("at") || stem.endsWith("iz") || stem.endsWith("us") || stem.endsWith("uc")
                    || stem.endsWith("os") || stem.endsWith("ov") || stem.endsWith("iv") || stem.endsWith("ag")) {
                stem = stem + "e"; // created -> create, produced -> produce, composed -> compose
            }
            String agent = stem.endsWith("e") ? stem + "r" : stem.endsWith("t") ? stem + "or" : stem + "er";
            if (agent.endsWith("eor")) {
                agent = agent.substring(0, agent.length() - 3) + "or"; // create -> creator
            }
            return new String[] {stem, w, agent};
        }
        return null;
    }

    // ---------------------------------------------------------------- "V by": directed by, written by

    /** Subject -> object of "directed_by": the film's director. */
    private static RelationPhrases.Direction passiveForward(List<String> words, String text) {
        String[] v = verbForms(words.get(words.size() - 2));
        String agent = v[2];
        return new RelationPhrases.Direction(
                List.of("the " + agent + " of " + SLOT, SLOT + " 's " + agent, "the one who " + v[1] + " " + SLOT),
                List.of("who " + v[1] + " " + SLOT, SLOT + " was " + text + " who", "who is the " + agent + " of " + SLOT,
                        "who " + v[1] + " the " + SLOT, "what is the " + agent + " of " + SLOT));
    }

    /** Object -> subject of "directed_by": what the person directed. */
    private static RelationPhrases.Direction passiveInverse(List<String> words, String text) {
        String[] v = verbForms(words.get(words.size() - 2));
        return new RelationPhrases.Direction(
                List.of("the things " + text + " " + SLOT, "things " + SLOT + " " + v[1], "the works " + SLOT + " " + v[1]),
                List.of("what did " + SLOT + " " + v[0], "what was " + text + " " + SLOT, "which things were " + text + " " + SLOT,
                        SLOT + " " + v[1] + " what", "what has " + SLOT + " " + words.get(words.size() - 2)));
    }

    // ---------------------------------------------------------------- a lone verb: DIRECTED, WROTE

    /** Subject -> object of "DIRECTED": what the person directed. */
    private static RelationPhrases.Direction activeForward(String verb) {
        String[] v = verbForms(verb);
        return new RelationPhrases.Direction(List.of("the things " + SLOT + " " + v[1], "the works of " + SLOT),
                List.of("what did " + SLOT + " " + v[0], SLOT + " " + v[1] + " what", "which things did " + SLOT + " " + v[0],
                        "what has " + SLOT + " " + v[1]));
    }

    /** Object -> subject of "DIRECTED": who directed the film. */
    private static RelationPhrases.Direction activeInverse(String verb) {
        String[] v = verbForms(verb);
        return new RelationPhrases.Direction(List.of("the " + v[2] + " of " + SLOT, SLOT + " 's " + v[2], "the one who " + v[1] + " " + SLOT),
                List.of("who " + v[1] + " " + SLOT, "who is the " + v[2] + " of " + SLOT, SLOT + " was " + v[1] + " by who"));
    }

    // ---------------------------------------------------------------- "V prep": acted in, born in

    /** Subject -> object of "acted_in": what the person acted in. */
    private static RelationPhrases.Direction verbForward(List<String> words, String text) {
        String[] v = verbForms(words.get(0));
        String rest = String.join(" ", words.subList(1, words.size()));
        List<String> questions = v[0].startsWith("be ")
                // "born in": the participle is the passive itself
                ? List.of("where was " + SLOT + " " + text, "what was " + SLOT + " " + text, SLOT + " was " + text + " what",
                        "what is " + SLOT + " " + text)
                : List.of("what did " + SLOT + " " + v[0] + " " + rest, SLOT + " " + text + " what", "what is " + SLOT + " " + text,
                        "which things did " + SLOT + " " + v[0] + " " + rest);
        return new RelationPhrases.Direction(List.of("the things " + SLOT + " " + text, "what " + SLOT + " " + text), questions);
    }

    /** Object -> subject of "acted_in": who acted in the film. */
    private static RelationPhrases.Direction verbInverse(List<String> words, String text) {
        String agent = verbForms(words.get(0))[2];
        return new RelationPhrases.Direction(
                List.of("the ones who " + text + " " + SLOT, "those " + text + " " + SLOT, "the things " + text + " " + SLOT,
                        "the " + agent + "s of " + SLOT),
                List.of("who " + text + " " + SLOT, "what " + text + " " + SLOT, "which things " + text + " " + SLOT,
                        "who was " + text + " " + SLOT, "who are the " + agent + "s of " + SLOT));
    }

    // ---------------------------------------------------------------- nouns: genre, release year, starred actors

    /** The noun and its head word alone ("release year", "year"), and a leading preposition dropped ("in language"). */
    private static List<String> nouns(List<String> words) {
        List<String> w = words;
        if (w.size() > 1 && PREPOSITIONS.contains(w.get(0))) {
            w = w.subList(1, w.size());
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(String.join(" ", w));
        if (w.size() > 1) {
            out.add(w.get(w.size() - 1));
        }
        return new ArrayList<>(out);
    }

    private static RelationPhrases.Direction nounForward(List<String> words) {
        List<String> phrases = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (String n : nouns(words)) {
            phrases.add("the " + n + " of " + SLOT);
            phrases.add(SLOT + " 's " + n);
            questions.add("what is the " + n + " of " + SLOT);
            questions.add("what are the " + n + " of " + SLOT);
            questions.add("who is the " + n + " of " + SLOT);
            questions.add("what " + n + " does " + SLOT + " have");
            questions.add("what is " + SLOT + " 's " + n);
            questions.add(SLOT + " has which " + n);
        }
        return new RelationPhrases.Direction(phrases, questions);
    }

    private static RelationPhrases.Direction nounInverse(List<String> words) {
        List<String> phrases = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (String n : nouns(words)) {
            phrases.add("the things whose " + n + " is " + SLOT);
            phrases.add("the things with " + n + " " + SLOT);
            phrases.add("things that have " + SLOT + " as " + n);
            questions.add("what has " + n + " " + SLOT);
            questions.add("which things have " + SLOT + " as " + n);
            questions.add("what has " + SLOT + " as its " + n);
            questions.add("whose " + n + " is " + SLOT);
            questions.add("who has " + SLOT + " as " + n);
        }
        return new RelationPhrases.Direction(phrases, questions);
    }

    /**
     * Phrases for a hop followed by the same relation walked back ("sibling" paths): {@code r, ~r} reaches
     * the things sharing X's object ("the films with the same director as X", "what else did the director
     * of X direct"), {@code ~r, r} the others sharing X's subjects ("who co-wrote with X", "who starred
     * together with X"). Null when the name gives nothing better than nesting the two hops.
     */
    static RelationPhrases.Direction siblings(String type, boolean forwardFirst) {
        Name name = Name.of(type);
        List<String> words = name.words();
        if (name.inverse()) {
            forwardFirst = !forwardFirst;
        }
        boolean passive = name.shape() == Shape.PASSIVE;
        boolean verbPrep = name.shape() == Shape.VERB_PREP;
        boolean participleNoun = name.shape() == Shape.PARTICIPLE_NOUN;
        if (forwardFirst) {
            if (passive) {
                String[] v = verbForms(words.get(words.size() - 2));
                return new RelationPhrases.Direction(
                        List.of("the things with the same " + v[2] + " as " + SLOT, "the other works of " + SLOT + " 's " + v[2],
                                "the things whose " + v[2] + "s also " + v[1] + " " + SLOT, "the things that share " + v[2] + "s with " + SLOT),
                        List.of("what else did the " + v[2] + " of " + SLOT + " " + v[0], "the " + v[2] + " of " + SLOT + " also "
                                + v[1] + " what", "the " + v[2] + " of " + SLOT + " also " + v[1] + " which things",
                                "which things share the " + v[2] + " of " + SLOT,
                                "which things have the same " + v[2] + " as " + SLOT));
            }
            if (verbPrep) {
                String[] v = verbForms(words.get(0));
                return new RelationPhrases.Direction(List.of("the ones who " + v[1] + " together with " + SLOT),
                        List.of("who " + v[1] + " together with " + SLOT, "who else " + String.join(" ", words) + " the same things as "
                                + SLOT));
            }
            List<String> phrases = new ArrayList<>();
            List<String> questions = new ArrayList<>();
            if (participleNoun) {
                String[] v = verbForms(words.get(0));
                phrases.add("the things whose " + words.get(words.size() - 1) + " also " + v[1] + " in " + SLOT);
            }
            for (String n : nouns(words)) {
                phrases.add("the things with the same " + n + " as " + SLOT);
                phrases.add("the things that share " + n + " with " + SLOT);
                questions.add("which things have the same " + n + " as " + SLOT);
                questions.add("what shares " + n + " with " + SLOT);
                questions.add("the " + n + " of " + SLOT + " also has what");
            }
            return new RelationPhrases.Direction(phrases, questions);
        }
        if (passive) {
            String[] v = verbForms(words.get(words.size() - 2));
            return new RelationPhrases.Direction(List.of("the ones who " + v[1] + " things together with " + SLOT),
                    List.of("who " + v[1] + " things together with " + SLOT, "who co-" + v[1] + " with " + SLOT,
                            "which " + v[2] + "s " + v[1] + " things with " + SLOT));
        }
        if (participleNoun) {
            String[] v = verbForms(words.get(0));
            return new RelationPhrases.Direction(List.of("the ones who " + v[1] + " together with " + SLOT),
                    List.of("who " + v[1] + " together with " + SLOT, "who " + v[1] + " in the same things as " + SLOT,
                            "who " + v[1] + " with " + SLOT));
        }
        return null;
    }

    private static RelationPhrases.Direction merge(RelationPhrases.Direction a, RelationPhrases.Direction b) {
        List<String> p = new ArrayList<>(a.phrases());
        p.addAll(b.phrases());
        List<String> q = new ArrayList<>(a.questions());
        q.addAll(b.questions());
        return new RelationPhrases.Direction(p, q);
    }

    private RelationWording() {
    }
}
