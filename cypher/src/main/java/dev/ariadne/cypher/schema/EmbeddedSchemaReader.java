package dev.ariadne.cypher.schema;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.retrieve.LiteralText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
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
    private final GraphMapping mapping;

    public EmbeddedSchemaReader(GraphDatabaseService db) {
        this(db, GraphMapping.ariadneLayout());
    }

    /** Through {@code mapping}, already checked against {@code db}. */
    public EmbeddedSchemaReader(GraphDatabaseService db, GraphMapping mapping) {
        this.db = Objects.requireNonNull(db, "db");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public GraphSchema read() {
        try {
            return ReadRetry.attempts("reading the graph schema", () -> {
                try (Transaction tx = db.beginTx()) {
                    return mapping.isAriadneLayout() ? read(tx) : read(tx, mapping);
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
        Degrees degrees = new Degrees();
        if (label != TokenConstants.NO_TOKEN) {
            try (ResourceIterator<Node> nodes = tx.findNodes(GraphModel.ENTITY)) {
                while (nodes.hasNext()) {
                    degrees.add(nodes.next(), type -> true);
                }
            }
        }
        return new GraphSchema(entities, relationships, counts, degrees.adjacency.build());
    }

    /**
     * Under a mapping other than Ariadne's layout: the entities are the nodes with a mapped label (and, where
     * the key is a property, that property), each counted once under its first mapped label; only followed
     * relationship types are counted and enter the adjacency.
     */
    public static GraphSchema read(Transaction tx, GraphMapping mapping) {
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        Read read = ktx.dataRead();
        TokenRead tokens = ktx.tokenRead();
        TreeMap<String, Long> counts = new TreeMap<>();
        long relationships = 0;
        for (RelationshipType type : tx.getAllRelationshipTypesInUse()) {
            if (mapping.follows(type.name())) {
                long c = read.countsForRelationship(TokenConstants.ANY_LABEL, tokens.relationshipType(type.name()),
                        TokenConstants.ANY_LABEL);
                if (c > 0) {
                    counts.put(type.name(), c);
                    relationships += c;
                }
            }
        }
        List<EntityLabel> labels = mapping.labels();
        Degrees degrees = new Degrees();
        // per literal text: how many entities hold it under each attribute (its incoming edges)
        Map<String, Map<String, Long>> literals = new HashMap<>();
        long entities = 0;
        for (int i = 0; i < labels.size(); i++) {
            EntityLabel l = labels.get(i);
            try (ResourceIterator<Node> nodes = tx.findNodes(Label.label(l.label()))) {
                while (nodes.hasNext()) {
                    Node n = nodes.next();
                    if (firstMappedLabel(n, labels) == i && l.keyProperty().map(n::hasProperty).orElse(true)) {
                        entities++;
                        degrees.begin(n, mapping::follows);
                        for (Attribute a : l.attributes()) {
                            List<String> values = values(n.getProperty(a.property(), null));
                            if (!values.isEmpty()) {
                                degrees.type(a.relation(), values.size(), 0, 0);
                                counts.merge(a.relation(), (long) values.size(), Long::sum);
                                relationships += values.size();
                                for (String v : values) {
                                    literals.computeIfAbsent(v, k -> new TreeMap<>()).merge(a.relation(), 1L, Long::sum);
                                }
                            }
                        }
                        degrees.end();
                    }
                }
            }
        }
        for (Map<String, Long> held : literals.values()) {
            degrees.begin();
            held.forEach((relation, in) -> degrees.type(relation, 0, in, 0));
            degrees.end();
        }
        return new GraphSchema(entities, relationships, counts, degrees.adjacency.build());
    }

    /** An attribute's values as the kernel retrieval writes them: one per list element, each as text. */
    static List<String> values(Object property) {
        if (property == null) {
            return List.of();
        }
        if (property.getClass().isArray()) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(property); i++) {
                out.add(LiteralText.of(java.lang.reflect.Array.get(property, i)));
            }
            return out;
        }
        return List.of(LiteralText.of(property));
    }

    private static int firstMappedLabel(Node n, List<EntityLabel> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (n.hasLabel(Label.label(labels.get(i).label()))) {
                return i;
            }
        }
        return -1;
    }

    /** Each entity's per-type degrees, fed to the relation adjacency (buffers reused across nodes). */
    private static final class Degrees {
        final RelationAdjacency adjacency = new RelationAdjacency();
        private final List<String> types = new ArrayList<>();
        private long[] out = new long[16];
        private long[] in = new long[16];
        private long[] loops = new long[16];

        void add(Node n, java.util.function.Predicate<String> follows) {
            begin(n, follows);
            end();
        }

        /** Starts an entity with its stored relationships of followed types. */
        void begin(Node n, java.util.function.Predicate<String> follows) {
            begin();
            for (RelationshipType t : n.getRelationshipTypes()) {
                if (follows.test(t.name())) {
                    long o = n.getDegree(t, Direction.OUTGOING);
                    long i = n.getDegree(t, Direction.INCOMING);
                    type(t.name(), o, i, o == 1 && i == 1 ? selfLoops(n, t) : 0);
                }
            }
        }

        /** Starts an entity (or a literal value) with no relation yet. */
        void begin() {
            types.clear();
        }

        void type(String name, long outgoing, long incoming, long selfLoops) {
            if (types.size() == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
                in = java.util.Arrays.copyOf(in, in.length * 2);
                loops = java.util.Arrays.copyOf(loops, loops.length * 2);
            }
            out[types.size()] = outgoing;
            in[types.size()] = incoming;
            loops[types.size()] = selfLoops;
            types.add(name);
        }

        void end() {
            if (!types.isEmpty()) {
                adjacency.addEntity(types, out, in, loops);
            }
        }
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
