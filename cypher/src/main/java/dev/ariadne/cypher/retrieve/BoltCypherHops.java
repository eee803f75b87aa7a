package dev.ariadne.cypher.retrieve;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.graph.DirectedRelation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * One parameterised Cypher query per hop: the frontier's keys go in as a parameter, the hop's edges come
 * back. Nodes are identified by key (unique), relationships by element id. Given the topic, the first hop
 * from it also looks the topic up ({@link #fromTopicQuery}): one round trip fewer per retrieval.
 *
 * <p>Query texts are templates with the relation type written in: {@code (a)-[r:`T`]->(b)} lets the
 * planner expand by type (on dense nodes, only that type's relationship group is read), where a dynamic
 * {@code WHERE type(r) = $type} reads every relationship of a hub. The type comes only from the validated
 * schema (the caller checks it first) and is backtick-quoted with backticks doubled; there are two texts
 * per type, so the server's query cache holds them all.
 */
public final class BoltCypherHops implements HopSource<String, String> {
    private static final Map<DirectedRelation, String> TEXTS = new ConcurrentHashMap<>();
    private static final Map<DirectedRelation, String> FROM_TOPIC = new ConcurrentHashMap<>();

    private final TransactionContext tx;
    private final String topic;
    private final Map<String, String> names = new HashMap<>();
    private boolean topicRead;
    private String topicName;

    /** Hops in one transaction, with no topic lookup folded in. */
    public BoltCypherHops(TransactionContext tx) {
        this(tx, null);
    }

    /** Hops in one transaction; the first hop from {@code topic} also looks it up (see {@link #topicName}). */
    public BoltCypherHops(TransactionContext tx, String topic) {
        this.tx = tx;
        this.topic = topic;
    }

    /** The query text for one validated hop. */
    public static String hopQuery(DirectedRelation hop) {
        return TEXTS.computeIfAbsent(hop, h -> "UNWIND $keys AS k MATCH (a:" + GraphModel.ENTITY_LABEL + " {key: k})"
                + (h.isInverse() ? "<-" : "-") + "[r:" + GraphModel.quote(h.type()) + "]" + (h.isInverse() ? "-" : "->")
                + "(b) WHERE b.key IS NOT NULL RETURN k AS f, elementId(r) AS r, b.key AS t, b.name AS n");
    }

    /**
     * The text of a first hop that also looks up its topic: one row per edge, each with the topic's name;
     * one row with null edge columns when the topic has no such edge; none when there is no such topic.
     */
    public static String fromTopicQuery(DirectedRelation hop) {
        return FROM_TOPIC.computeIfAbsent(hop, h -> "MATCH (a:" + GraphModel.ENTITY_LABEL + " {key: $key}) OPTIONAL MATCH (a)"
                + (h.isInverse() ? "<-" : "-") + "[r:" + GraphModel.quote(h.type()) + "]" + (h.isInverse() ? "-" : "->")
                + "(b) WHERE b.key IS NOT NULL RETURN a.name AS topic, elementId(r) AS r, b.key AS t, b.name AS n");
    }

    @Override
    public void expand(List<String> frontier, DirectedRelation hop, EdgeSink<String, String> sink) {
        if (topic != null && !topicRead && frontier.size() == 1 && frontier.get(0).equals(topic)) {
            expandFromTopic(hop, sink);
            return;
        }
        Result result = tx.run(hopQuery(hop), Map.of("keys", frontier));
        while (result.hasNext()) {
            Record rec = result.next();
            edge(rec.get(0).asString(), rec, sink);
        }
    }

    private void expandFromTopic(DirectedRelation hop, EdgeSink<String, String> sink) {
        Result result = tx.run(fromTopicQuery(hop), Map.of("key", topic));
        if (!result.hasNext()) {
            throw new EntityNotFoundException(topic, "no :Entity has this key");
        }
        while (result.hasNext()) {
            Record rec = result.next();
            if (!topicRead) {
                topicRead = true;
                topicName = rec.get(0).isNull() ? null : rec.get(0).asString();
            }
            if (!rec.get(1).isNull()) {
                edge(topic, rec, sink);
            }
        }
    }

    /** Reports the edge of a row whose columns 1-3 are both queries' {@code r, t, n}, noting the neighbour's name. */
    private void edge(String from, Record rec, EdgeSink<String, String> sink) {
        String to = rec.get(2).asString();
        Value name = rec.get(3);
        names.putIfAbsent(to, name.isNull() ? to : name.asString());
        sink.edge(from, rec.get(1).asString(), to, to);
    }

    /** Whether the first hop looked the topic up (and found it); then {@link #topicName} holds its name. */
    public boolean topicRead() {
        return topicRead;
    }

    /** The topic's name, or null when it has none or was not read. */
    public String topicName() {
        return topicName;
    }

    /** The name of an entity reached by some hop (its key when it has none). */
    public String name(String key) {
        return names.getOrDefault(key, key);
    }
}
