package dev.ariadne.benchmarks.retrieval;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.graph.DirectedRelation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * The baseline: one variable-length pattern over the union of the path's types, undirected, with the
 * hop order and directions checked afterwards on {@code relationships(p)}:
 * <pre>
 * MATCH p = (t:Entity {key: $key})-[:`a`|`b`*2]-(x)
 * WHERE all(i IN range(0, 1) WHERE type(relationships(p)[i]) = $types[i]
 *       AND (startNode(relationships(p)[i]) = nodes(p)[i]) = $forward[i]) AND ($keepTopic OR x &lt;&gt; t)
 * WITH [n IN nodes(p) | n.key] AS keys ORDER BY keys LIMIT $maxPaths RETURN keys
 * </pre>
 * Same answers as Ariadne's retrieval when no frontier is cut (Cypher's MATCH also uses each relationship
 * once per path), but the search explores every typed neighbour in both directions at every hop.
 */
final class NaiveVariableLength implements RetrievalFixture.Variant {
    private final BoltGraph bolt;

    NaiveVariableLength(BoltGraph bolt) {
        this.bolt = bolt;
    }

    static String query(List<DirectedRelation> hops) {
        Set<String> types = new LinkedHashSet<>();
        hops.forEach(h -> types.add(GraphModel.quote(h.type())));
        int n = hops.size();
        return "MATCH p = (t:" + GraphModel.ENTITY_LABEL + " {key: $key})-[:" + String.join("|", types) + "*" + n + "]-(x) "
                + "WHERE all(i IN range(0, " + (n - 1) + ") WHERE type(relationships(p)[i]) = $types[i] "
                + "AND (startNode(relationships(p)[i]) = nodes(p)[i]) = $forward[i]) AND ($keepTopic OR x <> t) "
                + "WITH [n IN nodes(p) | n.key] AS keys ORDER BY keys LIMIT $maxPaths RETURN keys";
    }

    @Override
    public List<List<String>> run(RetrievalFixture.GoldQueryWithLimits q) {
        List<DirectedRelation> hops = q.query().chain().hops();
        List<String> types = new ArrayList<>();
        List<Boolean> forward = new ArrayList<>();
        for (DirectedRelation h : hops) {
            types.add(h.type());
            forward.add(!h.isInverse());
        }
        Map<String, Object> params = Map.of("key", q.query().topic(), "types", types, "forward", forward,
                "keepTopic", q.limits().keepTopic(), "maxPaths", (long) q.limits().maxPaths());
        try (Session s = bolt.driver().session(bolt.sessionConfig())) {
            return s.executeRead(tx -> tx.run(query(hops), params).list(r -> {
                List<String> keys = new ArrayList<>();
                for (Value v : r.get("keys").values()) {
                    keys.add(v.asString());
                }
                return keys;
            }));
        }
    }
}
