package dev.ariadne.cypher.schema;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.schema.GraphSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.token.api.TokenConstants;

/**
 * Reads the schema of an embedded database: counts from Neo4j's count store (constant time per type),
 * the adjacency from one pass over the entities using per-type degrees (no relationship is read on
 * dense nodes, whose degrees are stored per type).
 */
public final class EmbeddedSchemaReader implements SchemaReader {
    private final GraphDatabaseService db;

    public EmbeddedSchemaReader(GraphDatabaseService db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public GraphSchema read() {
        try {
            return ReadRetry.attempts("reading the graph schema", () -> {
                try (Transaction tx = db.beginTx()) {
                    return read(tx);
                }
            });
        } catch (RuntimeException e) {
            if (e instanceof dev.ariadne.core.error.AriadneException a) {
                throw a;
            }
            throw new GraphUnavailableException("cannot read the graph schema: " + e.getMessage(), e);
        }
    }

    /** Reads within a caller's transaction (procedures). */
    public static GraphSchema read(Transaction tx) {
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        Read read = ktx.dataRead();
        TokenRead tokens = ktx.tokenRead();
        int label = tokens.nodeLabel(GraphModel.ENTITY_LABEL);
        long entities = label == TokenConstants.NO_TOKEN ? 0 : read.countsForNode(label);
        TreeMap<String, Long> counts = new TreeMap<>();
        long relationships = 0;
        for (RelationshipType type : tx.getAllRelationshipTypesInUse()) {
            int id = tokens.relationshipType(type.name());
            long c = read.countsForRelationship(TokenConstants.ANY_LABEL, id, TokenConstants.ANY_LABEL);
            if (c > 0) {
                counts.put(type.name(), c);
                relationships += c;
            }
        }
        RelationAdjacency adjacency = new RelationAdjacency();
        if (label != TokenConstants.NO_TOKEN) {
            List<String> types = new ArrayList<>();
            long[] out = new long[16];
            long[] in = new long[16];
            long[] loops = new long[16];
            try (ResourceIterator<Node> nodes = tx.findNodes(GraphModel.ENTITY)) {
                while (nodes.hasNext()) {
                    Node n = nodes.next();
                    types.clear();
                    for (RelationshipType t : n.getRelationshipTypes()) {
                        if (types.size() == out.length) {
                            out = java.util.Arrays.copyOf(out, out.length * 2);
                            in = java.util.Arrays.copyOf(in, in.length * 2);
                            loops = java.util.Arrays.copyOf(loops, loops.length * 2);
                        }
                        out[types.size()] = n.getDegree(t, Direction.OUTGOING);
                        in[types.size()] = n.getDegree(t, Direction.INCOMING);
                        loops[types.size()] = out[types.size()] == 1 && in[types.size()] == 1 ? selfLoops(n, t) : 0;
                        types.add(t.name());
                    }
                    if (!types.isEmpty()) {
                        adjacency.addEntity(types, out, in, loops);
                    }
                }
            }
        }
        return new GraphSchema(entities, relationships, counts, adjacency.build());
    }

    /** Only asked when the node has one incoming and one outgoing edge of the type (the exact case that matters). */
    private static long selfLoops(Node n, RelationshipType t) {
        long loops = 0;
        try (var rels = n.getRelationships(Direction.OUTGOING, t)) {
            for (var r : rels) {
                if (r.getEndNode().equals(n)) {
                    loops++;
                }
            }
        }
        return loops;
    }
}
