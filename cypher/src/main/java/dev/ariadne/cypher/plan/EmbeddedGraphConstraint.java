package dev.ariadne.cypher.plan;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.cypher.retrieve.KernelHops;
import dev.ariadne.cypher.retrieve.ReadCache;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * {@link GraphConstraint} on the kernel cursors ({@link KernelHops}): follows the prefix with retrieval's semantics, then reads
 * every relationship of the entities it reaches. A relation is reported with the number of distinct
 * entities it reaches, never counting the topic (a path ending there is dropped by retrieval) nor a
 * relationship every prefix path already used: exactly the relations whose extended path is non-empty.
 */
public final class EmbeddedGraphConstraint implements GraphConstraint {
    private static final DirectedRelation[] NOT_A_RELATION = new DirectedRelation[0];

    private final GraphDatabaseService db;
    private final SchemaCache schema;
    private final GraphMapping mapping;
    /** Under a mapping: where list attributes' value indexes are kept between calls (null: none). */
    private final ReadCache cache;

    public EmbeddedGraphConstraint(GraphDatabaseService db, SchemaCache schema) {
        this(db, schema, GraphMapping.ariadneLayout());
    }

    /** Through {@code mapping}, already checked against {@code db}. */
    public EmbeddedGraphConstraint(GraphDatabaseService db, SchemaCache schema, GraphMapping mapping) {
        this.db = Objects.requireNonNull(db, "db");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.cache = mapping.isAriadneLayout() ? null : ReadCache.unshared(db);
    }

    @Override
    public List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix) {
        schema.validate(prefix);
        return ReadRetry.attempts("planning from '" + topic.key() + "'", () -> {
            try (Transaction tx = db.beginTx()) {
                return nextRelations(tx, cache, mapping, topic, prefix);
            }
        });
    }

    @Override
    public List<DirectedRelation> nextRelationTypes(Entity topic, RelationPath prefix) {
        schema.validate(prefix);
        return ReadRetry.attempts("planning from '" + topic.key() + "'", () -> {
            try (Transaction tx = db.beginTx()) {
                return nextRelationTypes(tx, cache, mapping, topic, prefix);
            }
        });
    }

    public static List<RelationFrontier> nextRelations(Transaction tx, Entity topic, RelationPath prefix) {
        return nextRelations(tx, null, GraphMapping.ariadneLayout(), topic, prefix);
    }

    /** In a caller's transaction, through {@code mapping}, keeping list attributes' value indexes in {@code cache} (or none). */
    public static List<RelationFrontier> nextRelations(Transaction tx, ReadCache cache, GraphMapping mapping, Entity topic,
                                                       RelationPath prefix) {
        PrefixFrontier.Tally tally = new PrefixFrontier.Tally();
        scanEnds(tx, cache, mapping, topic, prefix, (relation, v, hops) -> {
            if (hops.hasKey(v)) {
                tally.add(relation, v);
            }
        });
        return tally.frontiers();
    }

    /**
     * {@link #nextRelations} without the sizes: once a relation has one valid neighbour, its other
     * relationships are not checked for a key (a hub's thousands of neighbours of one type cost one check).
     */
    public static List<DirectedRelation> nextRelationTypes(Transaction tx, Entity topic, RelationPath prefix) {
        return nextRelationTypes(tx, null, GraphMapping.ariadneLayout(), topic, prefix);
    }

    /** {@link #nextRelations(Transaction, ReadCache, GraphMapping, Entity, RelationPath)} without the sizes. */
    public static List<DirectedRelation> nextRelationTypes(Transaction tx, ReadCache cache, GraphMapping mapping, Entity topic,
                                                           RelationPath prefix) {
        Set<DirectedRelation> present = new TreeSet<>();
        scanEnds(tx, cache, mapping, topic, prefix, new NextSink() {
            @Override
            public void next(DirectedRelation relation, long neighbour, KernelHops hops) {
                if (hops.hasKey(neighbour)) {
                    present.add(relation);
                }
            }

            @Override
            public boolean settled(DirectedRelation relation) {
                return present.contains(relation);
            }
        });
        return new ArrayList<>(present);
    }

    /** Receives a relationship leaving an end of the prefix that some prefix path may take next. */
    @FunctionalInterface
    private interface NextSink {
        void next(DirectedRelation relation, long neighbour, KernelHops hops);

        /** Whether no more relationships of this relation are wanted (then a hub's are not all read). */
        default boolean settled(DirectedRelation relation) {
            return false;
        }
    }

    /** A type token's two directed relations, or {@link #NOT_A_RELATION} when its name is not a valid relation. */
    private static DirectedRelation[] directions(Map<Integer, DirectedRelation[]> directed, KernelHops hops, int typeId) {
        return directed.computeIfAbsent(typeId, t -> {
            String type = hops.typeName(t);
            return DirectedRelation.typeProblem(type) != null || !hops.follows(type) ? NOT_A_RELATION
                    : new DirectedRelation[] {DirectedRelation.forward(type), DirectedRelation.backward(type)};
        });
    }

    /**
     * Every relationship leaving an entity the prefix reaches, as a directed relation, except those back to
     * the topic and those every prefix path reaching that entity already used.
     */
    private static void scanEnds(Transaction tx, ReadCache cache, GraphMapping mapping, Entity topic, RelationPath prefix,
                                 NextSink sink) {
        try (KernelHops hops = new KernelHops(tx, cache, mapping)) {
            long start = hops.find(topic.key());
            if (start == KernelHops.NOT_FOUND) {
                throw new EntityNotFoundException(topic.key(), KernelHops.noSuchKey(mapping));
            }
            Map<Long, Set<Long>> ends = PrefixFrontier.ends(hops, start, topic.key(), prefix);
            // Per type token: its two directed relations, or none when the type is not a valid relation name.
            Map<Integer, DirectedRelation[]> directed = new HashMap<>();
            for (Map.Entry<Long, Set<Long>> e : ends.entrySet()) {
                Set<Long> used = e.getValue();
                hops.relationships(e.getKey(), new KernelHops.SettlingSink() {
                    @Override
                    public boolean settled(int typeId, boolean outgoing) {
                        DirectedRelation[] both = directions(directed, hops, typeId);
                        return both == NOT_A_RELATION || sink.settled(both[outgoing ? 0 : 1]);
                    }

                    @Override
                    public void relationship(long rel, int typeId, long v, boolean outgoing) {
                        if (v == start || (!used.isEmpty() && used.contains(rel))) {
                            return;
                        }
                        DirectedRelation[] both = directions(directed, hops, typeId);
                        if (both != NOT_A_RELATION) {
                            sink.next(both[outgoing ? 0 : 1], v, hops);
                        }
                    }
                });
            }
        }
    }
}
