package dev.ariadne.cypher.retrieve;

import dev.ariadne.cypher.GraphModel;
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
 * One parameterised Cypher query per hop inside one read transaction: the frontier's keys go in as a
 * parameter, the hop's edges come back. Nodes are identified by key (unique), relationships by element id.
 *
 * <p>Query texts are templates with the relation type written in: {@code (a)-[r:`T`]->(b)} lets the
 * planner expand by type (on dense nodes, only that type's relationship group is read), where a dynamic
 * {@code WHERE type(r) = $type} reads every relationship of a hub. The type comes only from the validated
 * schema (the caller checks it first) and is backtick-quoted with backticks doubled; there are two texts
 * per type, so the server's query cache holds them all.
 */
public final class BoltCypherHops implements HopSource<String, String> {
    private static final Map<DirectedRelation, String> TEXTS = new ConcurrentHashMap<>();

    private final TransactionContext tx;
    private final Map<String, String> names = new HashMap<>();

    public BoltCypherHops(TransactionContext tx) {
        this.tx = tx;
    }

    /** The query text for one validated hop. */
    public static String hopQuery(DirectedRelation hop) {
        return TEXTS.computeIfAbsent(hop, h -> "UNWIND $keys AS k MATCH (a:" + GraphModel.ENTITY_LABEL + " {key: k})"
                + (h.isInverse() ? "<-" : "-") + "[r:" + GraphModel.quote(h.type()) + "]" + (h.isInverse() ? "-" : "->")
                + "(b) WHERE b.key IS NOT NULL RETURN k AS f, elementId(r) AS r, b.key AS t, b.name AS n");
    }

    @Override
    public void expand(List<String> frontier, DirectedRelation hop, EdgeSink<String, String> sink) {
        Result result = tx.run(hopQuery(hop), Map.of("keys", frontier));
        while (result.hasNext()) {
            Record rec = result.next();
            String to = rec.get(2).asString();
            Value name = rec.get(3);
            names.putIfAbsent(to, name.isNull() ? to : name.asString());
            sink.edge(rec.get(0).asString(), rec.get(1).asString(), to, to);
        }
    }

    /** The name of an entity reached by some hop (its key when it has none). */
    public String name(String key) {
        return names.getOrDefault(key, key);
    }
}
