package dev.ariadne.engine.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.NoAnswer;
import dev.ariadne.core.answer.StageTimings;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.answer.Trace;
import dev.ariadne.core.answer.TracedRetrieval;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.MatchKind;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.core.retrieve.ExecutedQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes and reads answers and traces as JSON, schema {@link Trace#SCHEMA_VERSION} (documented in
 * docs/trace-schema.md). The JSON is built from private records that mirror the schema field for field,
 * so the schema cannot drift from the Java types by accident. Thread-safe.
 */
public final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TraceJson() {
    }

    public static String write(Trace trace) {
        return toJson(TraceDoc.of(trace));
    }

    public static String write(Answer answer) {
        return toJson(AnswerDoc.of(answer));
    }

    /** Reads a trace written by {@link #write(Trace)}; rejects other schema major versions. */
    public static Trace readTrace(String json) {
        try {
            TraceDoc doc = MAPPER.readValue(json, TraceDoc.class);
            return doc.toTrace();
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not a valid Ariadne trace: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads an answer written by {@link #write(Answer)}. */
    public static Answer readAnswer(String json) {
        try {
            AnswerDoc doc = MAPPER.readValue(json, AnswerDoc.class);
            return Answer.of(doc.trace.toTrace(), doc.timings.toTimings());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not a valid Ariadne answer: " + e.getOriginalMessage(), e);
        }
    }

    private static String toJson(Object doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trace: " + e.getOriginalMessage(), e);
        }
    }

    private static void checkVersion(String version) {
        String major = Trace.SCHEMA_VERSION.substring(0, Trace.SCHEMA_VERSION.indexOf('.'));
        if (version == null || !version.startsWith(major + ".")) {
            throw new InvalidInputException("trace schemaVersion '" + version + "' is not supported; this build reads "
                    + major + ".x");
        }
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        List<B> out = new ArrayList<>(in == null ? 0 : in.size());
        if (in != null) {
            for (A a : in) {
                out.add(f.apply(a));
            }
        }
        return out;
    }

    @JsonPropertyOrder({"key", "name"})
    record EntityDoc(String key, String name) {
        static EntityDoc of(Entity e) {
            return new EntityDoc(e.key(), e.name());
        }

        Entity toEntity() {
            return new Entity(key, name);
        }
    }

    @JsonPropertyOrder({"entity", "match", "score"})
    record CandidateDoc(EntityDoc entity, String match, double score) {
        static CandidateDoc of(EntityCandidate c) {
            return new CandidateDoc(EntityDoc.of(c.entity()), c.kind().name(), c.score());
        }

        EntityCandidate toCandidate() {
            return new EntityCandidate(entity.toEntity(), MatchKind.valueOf(match), score);
        }
    }

    @JsonPropertyOrder({"mention", "start", "end", "candidates"})
    record MentionDoc(String mention, int start, int end, List<CandidateDoc> candidates) {
        static MentionDoc of(MentionCandidates m) {
            return new MentionDoc(m.mention(), m.start(), m.end(), map(m.candidates(), CandidateDoc::of));
        }

        MentionCandidates toMention() {
            return new MentionCandidates(mention, start, end, map(candidates, CandidateDoc::toCandidate));
        }
    }

    @JsonPropertyOrder({"mention", "start", "end", "source", "entity", "candidates"})
    record TopicDoc(String mention, int start, int end, String source, EntityDoc entity, List<CandidateDoc> candidates) {
        static TopicDoc of(TopicLink t) {
            return new TopicDoc(t.mention(), t.start(), t.end(), t.source().name(), EntityDoc.of(t.entity()),
                    map(t.candidates(), CandidateDoc::of));
        }

        TopicLink toLink() {
            return new TopicLink(mention, start, end, LinkSource.valueOf(source), entity.toEntity(),
                    map(candidates, CandidateDoc::toCandidate));
        }
    }

    @JsonPropertyOrder({"text", "entities", "relations"})
    record PathDoc(String text, List<EntityDoc> entities, List<String> relations) {
        static PathDoc of(ReasoningPath p) {
            return new PathDoc(p.render(), map(p.entities(), EntityDoc::of), map(p.relations().hops(), r -> r.format()));
        }

        ReasoningPath toPath() {
            return new ReasoningPath(map(entities, EntityDoc::toEntity), RelationPath.parse(String.join(",", relations)));
        }
    }

    @JsonPropertyOrder({"language", "text", "parameters"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueryDoc(String language, String text, Map<String, Object> parameters) {
        static QueryDoc of(ExecutedQuery q) {
            return q == null ? null : new QueryDoc(q.language(), q.text(), new TreeMap<>(q.parameters()));
        }

        /** JSON does not tell int from long: integral parameters come back as {@code Long}. */
        ExecutedQuery toQuery() {
            Map<String, Object> p = new TreeMap<>();
            if (parameters != null) {
                parameters.forEach((k, v) -> p.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            }
            return new ExecutedQuery(language, text, p);
        }
    }

    @JsonPropertyOrder({"topic", "path", "probability", "untrainedRelations", "query", "pathsFound", "pathsReturned",
            "frontierCut", "truncated", "millis", "paths", "proposal"})
    record PlanDoc(EntityDoc topic, String path, double probability, List<String> untrainedRelations, QueryDoc query,
                   long pathsFound, int pathsReturned, long frontierCut, boolean truncated, long millis, List<PathDoc> paths,
                   // only for plans a language model proposed (docs/generation.md)
                   @JsonInclude(JsonInclude.Include.NON_NULL) ProposalDoc proposal) {
        static PlanDoc of(TracedRetrieval r) {
            return new PlanDoc(EntityDoc.of(r.plan().topic()), r.plan().path().format(), r.plan().probability(),
                    List.copyOf(r.plan().untrainedRelations()), QueryDoc.of(r.query()), r.pathsFound(), r.paths().size(),
                    r.frontierCut(), r.truncated(), r.millis(), map(r.paths(), PathDoc::of), ProposalDoc.of(r.plan().proposal()));
        }

        TracedRetrieval toRetrieval() {
            // untrainedRelations is absent from traces written before it existed
            Plan plan = new Plan(topic.toEntity(), RelationPath.parse(path), probability,
                    untrainedRelations == null ? java.util.Set.of() : new java.util.TreeSet<>(untrainedRelations),
                    proposal == null ? null : proposal.toProposal());
            return new TracedRetrieval(plan, query == null ? null : query.toQuery(), map(paths, PathDoc::toPath),
                    pathsFound, frontierCut, truncated, millis);
        }
    }

    @JsonPropertyOrder({"proposed", "action", "detail"})
    record ProposalDoc(String proposed, String action, String detail) {
        static ProposalDoc of(dev.ariadne.core.plan.PlanProposal p) {
            return p == null ? null : new ProposalDoc(p.proposed(), p.action().name(), p.detail());
        }

        dev.ariadne.core.plan.PlanProposal toProposal() {
            return new dev.ariadne.core.plan.PlanProposal(proposed, dev.ariadne.core.plan.PlanProposal.Action.valueOf(action), detail);
        }
    }

    @JsonPropertyOrder({"entity", "score", "supportingTopics", "supportingPaths"})
    record AnswerItemDoc(EntityDoc entity, double score, List<EntityDoc> supportingTopics, List<PathDoc> supportingPaths) {
        static AnswerItemDoc of(ScoredAnswer a) {
            List<Entity> topics = new ArrayList<>(a.supportingTopics());
            topics.sort(null);
            return new AnswerItemDoc(EntityDoc.of(a.entity()), a.score(), map(topics, EntityDoc::of),
                    map(a.supportingPaths(), PathDoc::of));
        }

        ScoredAnswer toAnswer() {
            return new ScoredAnswer(entity.toEntity(), score, map(supportingPaths, PathDoc::toPath),
                    new LinkedHashSet<>(map(supportingTopics, EntityDoc::toEntity)));
        }
    }

    @JsonPropertyOrder({"reason", "detail"})
    record NoAnswerDoc(String reason, String detail) {
        static NoAnswerDoc of(NoAnswer n) {
            return n == null ? null : new NoAnswerDoc(n.reason().name(), n.detail());
        }

        NoAnswer toNoAnswer() {
            return new NoAnswer(NoAnswer.Reason.valueOf(reason), detail);
        }
    }

    @JsonPropertyOrder({"schemaVersion", "question", "mentions", "topics", "plans", "droppedProposals", "answers", "noAnswer",
            "generation"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TraceDoc(String schemaVersion, String question, List<MentionDoc> mentions, List<TopicDoc> topics,
                    List<PlanDoc> plans,
                    // absent when no proposal was dropped (every planner but the LLM one): traces stay as they were
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DroppedDoc> droppedProposals,
                    List<AnswerItemDoc> answers, NoAnswerDoc noAnswer,
                    // absent, not null, when generation is off: traces without it stay as they were
                    @JsonInclude(JsonInclude.Include.NON_NULL) GenerationDoc generation) {
        static TraceDoc of(Trace t) {
            return new TraceDoc(Trace.SCHEMA_VERSION, t.question(), map(t.mentions(), MentionDoc::of),
                    map(t.topics(), TopicDoc::of), map(t.retrievals(), PlanDoc::of), map(t.droppedProposals(), DroppedDoc::of),
                    map(t.answers(), AnswerItemDoc::of), NoAnswerDoc.of(t.noAnswer()), GenerationDoc.of(t.generation()));
        }

        Trace toTrace() {
            checkVersion(schemaVersion);
            return new Trace(question, map(mentions, MentionDoc::toMention), map(topics, TopicDoc::toLink),
                    map(plans, PlanDoc::toRetrieval), map(answers, AnswerItemDoc::toAnswer),
                    noAnswer == null ? null : noAnswer.toNoAnswer(), generation == null ? null : generation.toGeneration(),
                    droppedProposals == null ? List.of() : map(droppedProposals, DroppedDoc::toDropped));
        }
    }

    @JsonPropertyOrder({"topic", "proposed", "reason"})
    record DroppedDoc(EntityDoc topic, String proposed, String reason) {
        static DroppedDoc of(dev.ariadne.core.plan.DroppedProposal d) {
            return new DroppedDoc(EntityDoc.of(d.topic()), d.proposed(), d.reason());
        }

        dev.ariadne.core.plan.DroppedProposal toDropped() {
            return new dev.ariadne.core.plan.DroppedProposal(topic.toEntity(), proposed, reason);
        }
    }

    @JsonPropertyOrder({"linkMicros", "planMicros", "retrieveMicros", "reasonMicros", "totalMicros"})
    record TimingsDoc(long linkMicros, long planMicros, long retrieveMicros, long reasonMicros, long totalMicros) {
        static TimingsDoc of(StageTimings t) {
            return new TimingsDoc(t.linkMicros(), t.planMicros(), t.retrieveMicros(), t.reasonMicros(), t.totalMicros());
        }

        StageTimings toTimings() {
            return new StageTimings(linkMicros, planMicros, retrieveMicros, reasonMicros, totalMicros);
        }
    }

    @JsonPropertyOrder({"schemaVersion", "question", "answer", "answers", "timings", "trace"})
    record AnswerDoc(String schemaVersion, String question, String answer, List<ScoreDoc> answers, TimingsDoc timings,
                     TraceDoc trace) {
        static AnswerDoc of(Answer a) {
            return new AnswerDoc(Trace.SCHEMA_VERSION, a.question(), a.generatedText().orElse(a.sentence()),
                    map(a.answers(), s -> new ScoreDoc(s.entity().key(), s.entity().name(), s.score())),
                    TimingsDoc.of(a.timings()), TraceDoc.of(a.trace()));
        }
    }

    @JsonPropertyOrder({"key", "name", "score"})
    record ScoreDoc(String key, String name, double score) {
    }
}
