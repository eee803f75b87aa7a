package dev.ariadne.engine.procedures;

import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.retrieve.KernelHops;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.answer.Answer;
import dev.ariadne.core.answer.MentionCandidates;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.core.reason.ScoredAnswer;
import dev.ariadne.engine.Pipeline;
import dev.ariadne.engine.link.Linking;
import dev.ariadne.engine.link.TopicLinker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphalgo.impl.util.PathImpl;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * Ariadne inside Neo4j: thin procedures over the same pipeline the Java API runs, reading through the
 * caller's transaction, with the models shared per database ({@link AriadneDatabase}).
 */
public class AriadneProcedures {
    private static final Label ENTITY = Label.label(GraphModel.ENTITY_LABEL);

    @Context
    public Transaction tx;

    @Context
    public AriadneDatabase ariadne;

    /** One row per (answer, supporting path). */
    public static class AskResult {
        /** 1 for the best answer. */
        public long rank;
        /** The answer entity's name. */
        public String answer;
        /** The answer entity's key. */
        public String key;
        /** The answer's score (plan probability mass reaching it). */
        public double score;
        /** A supporting path from a topic to the answer, in the graph: Neo4j Browser draws it. */
        public Path path;
        /** The relation path that path follows, e.g. "~directed_by,in_language". */
        public String relations;
        /** The path as RoG prints it: "e0 -> r1 -> e1". */
        public String text;
        /** Names of the topics whose paths reach this answer. */
        public List<String> topics;
        /** With {generate: true}: the language model's answer sentence when its answer was grounded, else null. */
        public String generated;
    }

    /** One row per candidate entity of each span the linker matched. */
    public static class LinkResult {
        /** The text of the question that matched. */
        public String mention;
        /** Character offsets of the mention in the question (-1 for topics given in config). */
        public long start;
        public long end;
        /** The candidate entity's key and name. */
        public String key;
        public String name;
        /** How it matched: KEY, EXACT_NAME, CASE_INSENSITIVE_NAME, NORMALISED_NAME or FULL_TEXT. */
        public String match;
        /** Linking score; higher is better. */
        public double score;
        /** True for the candidates chosen as the question's topics. */
        public boolean chosen;
        /** The candidate's node. */
        public Node node;
    }

    /** One row per plan. */
    public static class PlanResult {
        /** 1 for each topic's best plan. */
        public long rank;
        /** Topic entity key and name. */
        public String topicKey;
        public String topic;
        /** The relation path, e.g. "~directed_by,in_language". */
        public String relations;
        /** The planner's calibrated probability. */
        public double probability;
    }

    @Procedure(name = "ariadne.ask", mode = Mode.READ)
    @Description("ariadne.ask(question, config) :: (rank, answer, key, score, path, relations, text, topics, generated) - answers "
            + "a question from the graph: links its topic entities, plans relation paths, retrieves them and ranks the "
            + "answers; one row per answer and supporting path. config: {topics, maxTopics, plans, pathsPerPlan, "
            + "maxHops, timeoutMs, minPlanProbability, pathsPerAnswer, generate}; generated is the language model's grounded "
            + "answer sentence with {generate: true} (docs/generation.md), else null.")
    public Stream<AskResult> ask(@Name("question") String question,
                                 @Name(value = "config", defaultValue = "{}") Map<String, Object> config) {
        AskConfig c = AskConfig.parse(config);
        AriadneDatabase.Models m = ariadne.models(tx);
        TransactionGraph graph = new TransactionGraph(tx, m);
        TopicLinker linker = new TopicLinker(m.index(), graph.lookup().orElse(null), c.maxTopics());
        dev.ariadne.core.generate.AnswerGenerator generator = c.generate()
                ? PluginGeneration.generator(PluginGeneration.serverConfiguration()) : null;
        Answer a = new Pipeline(graph, linker, m.planner(), m.reasoner(), c.limits(), generator).answer(question, c.topics());
        String generated = a.generatedText().orElse(null);
        List<AskResult> rows = new ArrayList<>();
        long rank = 1;
        for (ScoredAnswer s : a.answers()) {
            List<String> topics = new ArrayList<>();
            for (Entity e : s.supportingTopics()) {
                topics.add(e.name());
            }
            topics.sort(null);
            List<ReasoningPath> paths = s.supportingPaths();
            for (int i = 0; i < Math.min(c.pathsPerAnswer(), paths.size()); i++) {
                AskResult r = new AskResult();
                r.rank = rank;
                r.answer = s.entity().name();
                r.key = s.entity().key();
                r.score = s.score();
                r.path = toPath(m.mapping(), paths.get(i));
                r.relations = paths.get(i).relations().format();
                r.text = paths.get(i).render();
                r.topics = topics;
                r.generated = generated;
                rows.add(r);
            }
            rank++;
        }
        return rows.stream();
    }

    @Procedure(name = "ariadne.link", mode = Mode.READ)
    @Description("ariadne.link(question, config) :: (mention, start, end, key, name, match, score, chosen, node) - the "
            + "entities a question names: every matching span and candidate with its score; chosen marks the topics. "
            + "config: as ariadne.ask (topics, maxTopics).")
    public Stream<LinkResult> link(@Name("question") String question,
                                   @Name(value = "config", defaultValue = "{}") Map<String, Object> config) {
        AskConfig c = AskConfig.parse(config);
        AriadneDatabase.Models m = ariadne.models(tx);
        TransactionGraph graph = new TransactionGraph(tx, m);
        Linking linking = link(question, c, m, graph);
        List<LinkResult> rows = new ArrayList<>();
        List<MentionCandidates> mentions = new ArrayList<>(linking.mentions());
        if (mentions.isEmpty()) {
            for (TopicLink t : linking.topics()) {
                mentions.add(new MentionCandidates(t.mention(), t.start(), t.end(), t.candidates()));
            }
        }
        for (MentionCandidates mc : mentions) {
            for (EntityCandidate cand : mc.candidates()) {
                LinkResult r = new LinkResult();
                r.mention = mc.mention();
                r.start = mc.start();
                r.end = mc.end();
                r.key = cand.entity().key();
                r.name = cand.entity().name();
                r.match = cand.kind().name();
                r.score = cand.score();
                r.chosen = linking.topics().stream().anyMatch(t -> t.entity().equals(cand.entity())
                        && (t.start() == mc.start() || t.start() < 0));
                r.node = node(m.mapping(), cand.entity().key());
                rows.add(r);
            }
        }
        return rows.stream();
    }

    @Procedure(name = "ariadne.plan", mode = Mode.READ)
    @Description("ariadne.plan(question, config) :: (rank, topicKey, topic, relations, probability) - the relation "
            + "paths the planner proposes for each topic of the question, best first; every one exists in the graph "
            + "from its topic. config: as ariadne.ask (topics, maxTopics, plans, maxHops).")
    public Stream<PlanResult> plan(@Name("question") String question,
                                   @Name(value = "config", defaultValue = "{}") Map<String, Object> config) {
        AskConfig c = AskConfig.parse(config);
        AriadneDatabase.Models m = ariadne.models(tx);
        TransactionGraph graph = new TransactionGraph(tx, m);
        Linking linking = link(question, c, m, graph);
        List<PlanResult> rows = new ArrayList<>();
        for (TopicLink t : linking.topics()) {
            PlanningRequest req = new PlanningRequest(question, t.entity(), t.mention(), c.limits().plansPerQuestion(),
                    c.limits().maxHops());
            long rank = 1;
            for (Plan p : m.planner().plan(req, graph.constraint())) {
                PlanResult r = new PlanResult();
                r.rank = rank++;
                r.topicKey = t.entity().key();
                r.topic = t.entity().name();
                r.relations = p.path().format();
                r.probability = p.probability();
                rows.add(r);
            }
        }
        return rows.stream();
    }

    /** The stored node of an entity's key, or null for a literal value (a node property, not a node). */
    private Node node(GraphMapping mapping, String key) {
        if (mapping.isAriadneLayout()) {
            return tx.findNode(ENTITY, GraphModel.KEY, key);
        }
        try (KernelHops hops = new KernelHops(tx, null, mapping)) {
            long id = hops.find(key);
            return id >= 0 ? tx.getNodeById(id) : null;
        }
    }

    /**
     * The stored nodes and relationships of a retrieved path, or null when it passes through a literal value
     * (an attribute hop: a property, which no Neo4j path can hold; the answer and trace columns still say it).
     */
    private Path toPath(GraphMapping mapping, ReasoningPath p) {
        for (var hop : p.relations().hops()) {
            if (mapping.isAttribute(hop.type())) {
                return null;
            }
        }
        Node start = node(mapping, p.start().key());
        PathImpl.Builder b = new PathImpl.Builder(start);
        Node at = start;
        for (int i = 0; i < p.length(); i++) {
            DirectedRelation hop = p.relations().hop(i);
            Node next = node(mapping, p.entities().get(i + 1).key());
            Relationship r = between(at, next, hop);
            b = b.push(r);
            at = next;
        }
        return b.build();
    }

    /** The relationship of the hop's type from {@code a} to {@code b} in the hop's direction, scanning the smaller side. */
    private static Relationship between(Node a, Node b, DirectedRelation hop) {
        RelationshipType type = RelationshipType.withName(hop.type());
        Direction fromA = hop.isInverse() ? Direction.INCOMING : Direction.OUTGOING;
        boolean scanA = a.getDegree(type, fromA) <= b.getDegree(type, fromA.reverse());
        Node from = scanA ? a : b;
        Node to = scanA ? b : a;
        try (ResourceIterable<Relationship> rels = from.getRelationships(scanA ? fromA : fromA.reverse(), type)) {
            for (Relationship r : rels) {
                if (r.getOtherNode(from).equals(to)) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("retrieved path " + hop + " between " + a.getElementId() + " and "
                + b.getElementId() + " is no longer in the graph");
    }

    /** Links the question's topics: the config's explicit topics when given, else from the text. */
    private static Linking link(String question, AskConfig c, AriadneDatabase.Models m, TransactionGraph graph) {
        TopicLinker linker = new TopicLinker(m.index(), graph.lookup().orElse(null), c.maxTopics());
        return c.topics() == null ? linker.link(question) : linker.given(question, c.topics());
    }
}
