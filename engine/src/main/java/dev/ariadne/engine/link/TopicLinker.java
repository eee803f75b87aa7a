package dev.ariadne.engine.link;

import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.error.AmbiguousEntityException;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.link.MatchKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the topic entities of a question.
 *
 * <ol>
 *   <li>Bracketed mentions ({@code [Joel Zwick]}) when present: each is resolved by key, then exact name,
 *   then case-insensitive name, then normalised name (case, punctuation, accents and underscores
 *   ignored), then, if a full-text lookup was given, the full-text index.</li>
 *   <li>Otherwise every span of the question is matched against the normalised names of all entities.
 *   Each match scores {@code kindWeight x lengthFactor}: kind weights are 1.0 (same text), 0.95 (same
 *   but for case), 0.9 (same after normalisation); {@code lengthFactor = 1 - exp(-chars/8)} prefers
 *   longer matches; spans made only of question words ("what", "the", "films") are scaled by 0.1, and,
 *   when the question uses capitals after its first word, all-lowercase spans by 0.8 (names are usually
 *   capitalised; MetaQA's tags "actors" and "director" are not what a question is about). The
 *   best-scoring span wins (ties: longer, then earlier). If none matched, the full-text index is
 *   asked for the whole question.</li>
 * </ol>
 * When the best candidates of the chosen mention tie on score but are different entities, linking fails
 * with {@link AmbiguousEntityException} listing them. Every span that matched, with all its candidates
 * and scores, is returned for the trace. Immutable and thread-safe.
 */
public final class TopicLinker {
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]+)]");
    static final double EXACT = 1.0;
    static final double CASE_INSENSITIVE = 0.95;
    static final double NORMALISED = 0.9;
    static final double FULL_TEXT_CAP = 0.8;
    static final double STOPWORD_SCALE = 0.1;
    static final double LOWERCASE_SCALE = 0.8;
    private static final int MAX_MENTIONS_IN_TRACE = 20;
    private static final int FULL_TEXT_LIMIT = 10;
    private static final int MAX_CLOSEST = 3;
    private static final double TIE = 1e-9;

    private static final Set<String> QUESTION_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "as",
            "is", "are", "was", "were", "be", "been", "do", "does", "did", "what", "which", "who", "whom",
            "whose", "when", "where", "how", "that", "this", "these", "those", "it", "its", "same", "also",
            "film", "films", "movie", "movies", "s", "me", "can", "you", "name", "tell", "i", "about");

    private final NameIndex index;
    private final EntityLookup fullText;
    private final int maxTopics;

    /**
     * @param fullText the graph's full-text lookup, or null to match names only
     * @param maxTopics how many non-overlapping mentions an unbracketed question may link (>= 1)
     */
    public TopicLinker(NameIndex index, EntityLookup fullText, int maxTopics) {
        this.index = Objects.requireNonNull(index, "index");
        this.fullText = fullText;
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be >= 1: " + maxTopics);
        }
        this.maxTopics = maxTopics;
    }

    public NameIndex index() {
        return index;
    }

    /** Links the topics of {@code question}; throws when none is found or the best is ambiguous. */
    public Linking link(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("the question is empty");
        }
        Matcher m = BRACKETED.matcher(question);
        List<TopicLink> topics = new ArrayList<>();
        List<MentionCandidates> mentions = new ArrayList<>();
        while (m.find()) {
            String mention = m.group(1).strip();
            List<EntityCandidate> candidates = resolveMention(mention);
            mentions.add(new MentionCandidates(mention, m.start(1), m.end(1), candidates));
            if (candidates.isEmpty()) {
                throw new EntityNotFoundException(mention, "the bracketed mention matches no entity key or name"
                        + (fullText == null ? "" : " and nothing in the full-text index"));
            }
            Entity chosen = choose(mention, candidates);
            LinkSource source = candidates.get(0).kind() == MatchKind.FULL_TEXT ? LinkSource.FULL_TEXT : LinkSource.BRACKETED;
            if (topics.stream().noneMatch(t -> t.entity().equals(chosen))) {
                topics.add(new TopicLink(mention, m.start(1), m.end(1), source, chosen, candidates));
            }
        }
        if (!topics.isEmpty()) {
            return new Linking(topics, mentions);
        }
        return linkSpans(question);
    }

    /**
     * Topics named by the caller: each reference is an entity key, else a name (exact, then normalised).
     * The question is still scanned so the trace shows what linking would have found.
     */
    public Linking given(String question, List<String> references) {
        if (references.isEmpty()) {
            throw new InvalidInputException("no topic entities given (pass at least one key or name)");
        }
        List<TopicLink> topics = new ArrayList<>();
        for (String ref : references) {
            if (ref == null || ref.isBlank()) {
                throw new InvalidInputException("a topic entity reference is empty");
            }
            List<EntityCandidate> candidates = resolveMention(ref.strip());
            if (candidates.isEmpty()) {
                throw new EntityNotFoundException(ref, "no entity has this key or name");
            }
            Entity chosen = choose(ref, candidates);
            String mention = mentionIn(question, chosen);
            if (topics.stream().noneMatch(t -> t.entity().equals(chosen))) {
                topics.add(new TopicLink(mention, -1, -1, LinkSource.GIVEN, chosen, candidates));
            }
        }
        return new Linking(topics, List.of());
    }

    /** Candidates for one mention by key, name and normalised name, best first. */
    List<EntityCandidate> resolveMention(String mention) {
        Map<Entity, EntityCandidate> best = new LinkedHashMap<>();
        Entity byKey = index.byKey(mention);
        if (byKey != null) {
            best.put(byKey, new EntityCandidate(byKey, byKey.name().equals(mention) ? MatchKind.EXACT_NAME : MatchKind.KEY, EXACT));
        }
        for (Entity e : index.byNormalisedName(NameTokens.key(mention))) {
            EntityCandidate c = new EntityCandidate(e, kindOf(mention, e), weightOf(kindOf(mention, e)));
            best.merge(e, c, (a, b) -> a.score() >= b.score() ? a : b);
        }
        if (best.isEmpty()) {
            List<String> words = NameTokens.of(mention).tokens();
            List<String> content = contentWords(words);
            for (EntityCandidate c : fullTextMatches(content.isEmpty() ? words : content)) {
                best.putIfAbsent(c.entity(), c);
            }
        }
        return sorted(new ArrayList<>(best.values()));
    }

    /**
     * Full-text candidates for {@code words} that really match one of them: a name token equal to a word,
     * or one edit away for words of five letters or more (what the Lucene query allows). Lucene also
     * scores names for words the question only shares by accident, which is how a nonsense name came
     * back as ten "equally good" candidates. Scores are Lucene's relative to the best, times
     * {@link #FULL_TEXT_CAP}, so the ranking survives (a cap on raw scores made every strong hit tie).
     */
    private List<EntityCandidate> fullTextMatches(List<String> words) {
        if (fullText == null || words.isEmpty()) {
            return List.of();
        }
        List<EntityCandidate> real = new ArrayList<>();
        for (EntityCandidate c : fullText.fuzzy(String.join(" ", words), FULL_TEXT_LIMIT)) {
            if (sharesAWord(c.entity().name(), words)) {
                real.add(c);
            }
        }
        double top = real.stream().mapToDouble(EntityCandidate::score).max().orElse(0);
        List<EntityCandidate> out = new ArrayList<>(real.size());
        for (EntityCandidate c : real) {
            double relative = top > 0 ? c.score() / top : 1.0;
            out.add(new EntityCandidate(c.entity(), MatchKind.FULL_TEXT, FULL_TEXT_CAP * relative));
        }
        return sorted(out);
    }

    private static boolean sharesAWord(String name, List<String> words) {
        for (String t : NameTokens.of(name == null ? "" : name).tokens()) {
            for (String w : words) {
                if (t.equals(w) || (w.length() >= 5 && dev.ariadne.core.text.EditDistance.bounded(w, t, 1) <= 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tokens that are not question words: what can name an entity. */
    private static List<String> contentWords(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (!QUESTION_WORDS.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private Linking linkSpans(String question) {
        NameTokens tokens = NameTokens.of(question);
        // Names are usually capitalised: when the question uses capitals at all (past its first letter),
        // an all-lowercase span is more likely a common word that happens to be a name ("actors" as a tag).
        boolean usesCapitals = tokens.size() > 1 && hasUpper(question.substring(tokens.ends()[0]));
        List<Span> spans = new ArrayList<>();
        int max = index.maxTokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = i + 1; j <= Math.min(tokens.size(), i + max); j++) {
                List<Entity> matches = index.byNormalisedName(tokens.join(i, j));
                if (matches.isEmpty()) {
                    continue;
                }
                int start = tokens.starts()[i];
                int end = tokens.ends()[j - 1];
                String text = question.substring(start, end);
                boolean questionWords = true;
                for (int k = i; k < j && questionWords; k++) {
                    questionWords = QUESTION_WORDS.contains(tokens.tokens().get(k));
                }
                double lengthFactor = 1 - Math.exp(-(end - start) / 8.0);
                double scale = lengthFactor * (questionWords ? STOPWORD_SCALE : 1.0)
                        * (usesCapitals && !hasUpper(text) ? LOWERCASE_SCALE : 1.0);
                List<EntityCandidate> cands = new ArrayList<>(matches.size());
                for (Entity e : matches) {
                    MatchKind kind = kindOf(text, e);
                    cands.add(new EntityCandidate(e, kind, weightOf(kind) * scale));
                }
                spans.add(new Span(text, start, end, sorted(cands)));
            }
        }
        spans.sort(Comparator.comparingDouble((Span s) -> -s.best())
                .thenComparingInt(s -> -(s.end - s.start))
                .thenComparingInt(s -> s.start));
        List<MentionCandidates> mentions = new ArrayList<>();
        for (Span s : spans.subList(0, Math.min(spans.size(), MAX_MENTIONS_IN_TRACE))) {
            mentions.add(new MentionCandidates(s.text, s.start, s.end, s.candidates));
        }
        List<TopicLink> topics = new ArrayList<>();
        List<Span> chosen = new ArrayList<>();
        for (Span s : spans) {
            if (topics.size() >= maxTopics) {
                break;
            }
            if (chosen.stream().anyMatch(c -> c.start < s.end && s.start < c.end)) {
                continue;
            }
            Entity e = choose(s.text, s.candidates);
            if (topics.stream().anyMatch(t -> t.entity().equals(e))) {
                continue;
            }
            chosen.add(s);
            topics.add(new TopicLink(s.text, s.start, s.end, LinkSource.SPAN, e, s.candidates));
        }
        List<String> content = contentWords(tokens.tokens());
        if (topics.isEmpty() && fullText != null) {
            // Only the words that can name something: question words would match every "The ..." name.
            List<EntityCandidate> fuzzy = fullTextMatches(content);
            if (!fuzzy.isEmpty()) {
                Entity e = choose(question, fuzzy);
                mentions.add(new MentionCandidates(question, 0, question.length(), fuzzy));
                topics.add(new TopicLink(e.name(), -1, -1, LinkSource.FULL_TEXT, e, fuzzy));
            }
        }
        if (topics.isEmpty()) {
            List<Entity> closest = ClosestNames.of(index, content, MAX_CLOSEST);
            throw new TopicNotFoundException(question, "no span of the question names an entity"
                    + (fullText == null ? "" : " and the full-text index found no name sharing a word with it")
                    + (closest.isEmpty() ? "" : "; closest names: " + closest.stream().map(e -> "'" + e.name() + "'")
                            .collect(java.util.stream.Collectors.joining(", ")))
                    + "; mark the topic as [name] or pass its key", closest);
        }
        return new Linking(topics, mentions);
    }

    private static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Entity choose(String mention, List<EntityCandidate> candidates) {
        double top = candidates.get(0).score();
        List<EntityCandidate> tied = new ArrayList<>();
        for (EntityCandidate c : candidates) {
            if (top - c.score() <= TIE) {
                tied.add(c);
            }
        }
        if (tied.size() > 1) {
            throw new AmbiguousEntityException(mention, tied);
        }
        return candidates.get(0).entity();
    }

    private static MatchKind kindOf(String text, Entity e) {
        if (e.name().equals(text)) {
            return MatchKind.EXACT_NAME;
        }
        if (e.name().equalsIgnoreCase(text)) {
            return MatchKind.CASE_INSENSITIVE_NAME;
        }
        return MatchKind.NORMALISED_NAME;
    }

    private static double weightOf(MatchKind kind) {
        return switch (kind) {
            case KEY, EXACT_NAME -> EXACT;
            case CASE_INSENSITIVE_NAME -> CASE_INSENSITIVE;
            case NORMALISED_NAME -> NORMALISED;
            case FULL_TEXT -> FULL_TEXT_CAP;
        };
    }

    private static List<EntityCandidate> sorted(List<EntityCandidate> cands) {
        cands.sort(Comparator.comparingDouble((EntityCandidate c) -> -c.score()).thenComparing(c -> c.entity().key()));
        return List.copyOf(cands);
    }

    /** The text of {@code question} naming {@code e}, for masking; the entity name when absent. */
    private static String mentionIn(String question, Entity e) {
        NameTokens q = NameTokens.of(question);
        String target = NameTokens.key(e.name());
        int n = NameTokens.of(e.name()).size();
        for (int i = 0; i + n <= q.size() && n > 0; i++) {
            if (q.join(i, i + n).equals(target)) {
                return question.substring(q.starts()[i], q.ends()[i + n - 1]);
            }
        }
        return e.name();
    }

    private record Span(String text, int start, int end, List<EntityCandidate> candidates) {
        double best() {
            return candidates.get(0).score();
        }
    }
}
