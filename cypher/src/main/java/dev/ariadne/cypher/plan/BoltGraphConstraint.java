package dev.ariadne.cypher.plan;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.connect.BoltGraph;
import dev.ariadne.cypher.retrieve.BoltCypherHops;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * {@link GraphConstraint} over Bolt, same rule as {@link EmbeddedGraphConstraint}: the prefix is
 * followed hop by hop ({@link BoltCypherHops}), then one constant query counts, per relationship type
 * and direction, the distinct entities the frontier reaches, leaving out the topic and the relationships
 * that every prefix path to that frontier entity already used.
 */
public final class BoltGraphConstraint implements GraphConstraint {
    static final String NEXT = "UNWIND $frontier AS f "
            + "MATCH (a:" + GraphModel.ENTITY_LABEL + " {key: f.key}) "
            + "CALL (a, f) { "
            + "MATCH (a)-[r]->(b) WHERE b.key IS NOT NULL AND b.key <> $topic AND NOT elementId(r) IN f.used "
            + "RETURN type(r) AS type, false AS inverse, b "
            + "UNION ALL "
            + "MATCH (a)<-[r]-(b) WHERE b.key IS NOT NULL AND b.key <> $topic AND NOT elementId(r) IN f.used "
            + "RETURN type(r) AS type, true AS inverse, b } "
            + "RETURN type, inverse, count(DISTINCT b) AS reached";

    private final BoltGraph graph;
    private final SchemaCache schema;

    public BoltGraphConstraint(BoltGraph graph, SchemaCache schema) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix) {
        schema.validate(prefix);
        try (Session session = graph.driver().session(graph.sessionConfig())) {
            return session.executeRead(tx -> {
                if (tx.run("MATCH (a:" + GraphModel.ENTITY_LABEL + " {key: $key}) RETURN count(a) AS n",
                        Map.of("key", topic.key())).single().get("n").asLong() == 0) {
                    throw new EntityNotFoundException(topic.key(), "no :Entity has this key");
                }
                Map<String, Set<String>> ends = PrefixFrontier.ends(new BoltCypherHops(tx), topic.key(), topic.key(), prefix);
                List<Map<String, Object>> frontier = new ArrayList<>(ends.size());
                ends.forEach((key, used) -> frontier.add(Map.of("key", key, "used", List.copyOf(used))));
                TreeMap<DirectedRelation, Long> reached = new TreeMap<>();
                for (Record r : tx.run(NEXT, Map.of("frontier", frontier, "topic", topic.key())).list()) {
                    String type = r.get("type").asString();
                    long n = r.get("reached").asLong();
                    if (n > 0 && DirectedRelation.typeProblem(type) == null) {
                        reached.put(new DirectedRelation(type, r.get("inverse").asBoolean()
                                ? dev.ariadne.core.graph.Direction.BACKWARD : dev.ariadne.core.graph.Direction.FORWARD), n);
                    }
                }
                List<RelationFrontier> out = new ArrayList<>(reached.size());
                reached.forEach((rel, n) -> out.add(new RelationFrontier(rel, n)));
                return out;
            });
        } catch (Neo4jException e) {
            throw new GraphUnavailableException("next relations over Bolt failed at " + graph.uri() + ": " + e.getMessage(), e);
        }
    }
}
