package dev.ariadne.cypher.schema;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.schema.GraphSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Reads the schema over Bolt with Cypher in one read transaction: counts come from the count store
 * (one {@code count(r)} per type, whose name comes from the database itself), the adjacency from one
 * pass over the entities that returns each entity's relationship types grouped by identical signature.
 */
public final class BoltSchemaReader implements SchemaReader {
    private static final String ENTITY_COUNT = "MATCH (n:" + GraphModel.ENTITY_LABEL + ") RETURN count(n) AS c";
    private static final String TYPES = "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType";
    private static final String SIGNATURES = "MATCH (n:" + GraphModel.ENTITY_LABEL + ") "
            + "WITH [(n)-[r]->() | type(r)] AS outs, [(n)<-[r]-() | type(r)] AS ins, [(n)-[r]->(n) | type(r)] AS loops "
            + "WHERE size(outs) + size(ins) > 0 RETURN outs, ins, loops, count(*) AS entities";

    private final BoltGraph graph;

    public BoltSchemaReader(BoltGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    @Override
    public GraphSchema read() {
        try (Session session = graph.driver().session(graph.sessionConfig())) {
            return session.executeRead(tx -> {
                long entities = tx.run(ENTITY_COUNT).single().get("c").asLong();
                List<String> types = tx.run(TYPES).list(r -> r.get(0).asString());
                TreeMap<String, Long> counts = new TreeMap<>();
                long relationships = 0;
                for (String t : types) {
                    long c = tx.run("MATCH ()-[r:" + GraphModel.quote(t) + "]->() RETURN count(r) AS c")
                            .single().get("c").asLong();
                    if (c > 0) {
                        counts.put(t, c);
                        relationships += c;
                    }
                }
                RelationAdjacency adjacency = new RelationAdjacency();
                var result = tx.run(SIGNATURES);
                while (result.hasNext()) {
                    addSignature(adjacency, result.next());
                }
                return new GraphSchema(entities, relationships, counts, adjacency.build());
            });
        } catch (Neo4jException e) {
            throw new GraphUnavailableException("cannot read the graph schema from " + graph.uri() + ": " + e.getMessage(), e);
        }
    }

    private static void addSignature(RelationAdjacency adjacency, Record r) {
        Map<String, long[]> degrees = new HashMap<>();
        for (Value v : r.get("outs").values()) {
            degrees.computeIfAbsent(v.asString(), k -> new long[3])[0]++;
        }
        for (Value v : r.get("ins").values()) {
            degrees.computeIfAbsent(v.asString(), k -> new long[3])[1]++;
        }
        for (Value v : r.get("loops").values()) {
            degrees.computeIfAbsent(v.asString(), k -> new long[3])[2]++;
        }
        List<String> types = new ArrayList<>(degrees.keySet());
        long[] out = new long[types.size()];
        long[] in = new long[types.size()];
        long[] loops = new long[types.size()];
        for (int i = 0; i < types.size(); i++) {
            long[] d = degrees.get(types.get(i));
            out[i] = d[0];
            in[i] = d[1];
            loops[i] = d[2];
        }
        adjacency.addEntity(types, out, in, loops);
    }
}
