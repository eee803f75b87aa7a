package dev.ariadne.loader;

import dev.ariadne.core.error.GraphUnavailableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.TokenWrite;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * Writes through the embedded Core API: no Cypher per row, one transaction per batch. Keeps a
 * key-to-node cache so each entity is looked up at most once per load, and the set of relationships
 * this load wrote. Only when an endpoint existed before the load does it read stored relationships
 * (from the endpoint with fewer of that type) to keep loading idempotent.
 *
 * <p>The constraint and indexes are made first (see {@link #createSchema}; a fresh load's full-text index
 * is the one exception). Into a database
 * with no entities yet (the usual first load) nothing can pre-exist, so the cache is the whole truth: it
 * skips index lookups, holds the triples back ({@link FreshGraph}, up to {@link #MAX_PENDING_TRIPLES})
 * and at the end writes all entities first, then the relationships. These writes go through the
 * kernel's write operations (token ids, long node ids) rather than the Core API's entity objects.
 *
 * <p>Uses long node ids (deprecated in favour of element ids) because they are the cheap handle that
 * lets the cache outlive a transaction; they stay valid for the life of one load on a local store.
 */
@SuppressWarnings("deprecation")
final class EmbeddedWriter implements GraphWriter {
    private static final Label ENTITY = Label.label(EntitySchema.ENTITY_LABEL);

    /** Fresh-store triples held back before they are written anyway, bounding the memory held. */
    static final int MAX_PENDING_TRIPLES = 2_000_000;
    /**
     * Most writes per transaction on the fresh-store path (or the batch size, when smaller). Measured on
     * MetaQA: transactions of 10,000 or 20,000 writes cost about a fifth less CPU than 50,000 (Neo4j's
     * per-transaction state and command maps grow large); see docs/loading.md.
     */
    static final int FRESH_TRANSACTION_SIZE = 20_000;

    private final GraphDatabaseService db;
    private final int transactionSize;
    private final int maxPendingTriples;
    private final FreshGraph fresh = new FreshGraph();
    private final Map<String, NodeRef> nodes = new HashMap<>();
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final List<RelationshipType> types = new ArrayList<>();
    private final Set<Edge> written = new HashSet<>();
    private boolean freshStore;
    /** A fresh load builds the full-text index after its entities, overlapping the relationship writes. */
    private boolean fullTextDeferred;
    private int epoch;
    private long createdInBatch;

    EmbeddedWriter(GraphDatabaseService db, int batchSize) {
        this(db, batchSize, MAX_PENDING_TRIPLES);
    }

    /** {@code batchSize}: the load's batch size, which caps the fresh-store path's transactions. */
    EmbeddedWriter(GraphDatabaseService db, int batchSize, int maxPendingTriples) {
        this.db = db;
        this.transactionSize = Math.min(batchSize, FRESH_TRANSACTION_SIZE);
        this.maxPendingTriples = maxPendingTriples;
    }

    /** A written relationship: node ids, or on the fresh-store path {@link FreshGraph} entity numbers. */
    private record Edge(long subject, int type, long object) {
    }

    /** A cached entity; {@code node} is usable only within the batch {@code epoch} it was fetched in. */
    private static final class NodeRef {
        final long id;
        final boolean preexisting;
        Node node;
        int epoch;

        NodeRef(long id, boolean preexisting, Node node, int epoch) {
            this.id = id;
            this.preexisting = preexisting;
            this.node = node;
            this.epoch = epoch;
        }
    }

    @Override
    public void prepare(Consumer<String> notices) {
        boolean hasEntities;
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> any = tx.findNodes(ENTITY)) {
            hasEntities = any.hasNext();
        }
        freshStore = !hasEntities;
        new SchemaRepair(db).repair(notices);
        fullTextDeferred = freshStore;
        createSchema(fullTextDeferred ? EntitySchema.SCHEMA_STATEMENTS.subList(0, 2) : EntitySchema.SCHEMA_STATEMENTS);
    }

    @Override
    public void commitPending() {
        if (freshStore && !fresh.isEmpty()) {
            writePending();
        }
    }

    @Override
    public void close() {
        if (freshStore && !fresh.isEmpty()) {
            writePending();
        }
        if (fullTextDeferred) {
            fullTextDeferred = false;
            createSchema(EntitySchema.SCHEMA_STATEMENTS);
        }
    }

    /**
     * Before any data: an index built over data already written fails as a whole on one bad value and
     * stays FAILED for every later load, while an index that exists first refuses only the transaction
     * holding the value (which the load then retries line by line). The one exception is the full-text
     * index of a fresh load: it has no key size limit (Lucene indexes a name's short terms), so building it
     * after the entities cannot fail that way, and building it then on a second thread while the
     * relationships are written keeps a fresh MetaQA load as fast as before (updating it per entity made
     * the load about 1.7 times slower). A load that stops before it leaves it to the next load, whose
     * schema step creates it ({@code IF NOT EXISTS}).
     *
     * @param statements the constraint first, then indexes ({@link EntitySchema#SCHEMA_STATEMENTS} or a prefix)
     */
    private void createSchema(List<String> statements) {
        try {
            // The indexes first: their population starts at commit, in the background, and runs while
            // the constraint's own index is populated (a constraint is created only once its index is
            // built). Each statement keeps IF NOT EXISTS.
            try (Transaction tx = db.beginTx()) {
                for (String statement : statements.subList(1, statements.size())) {
                    tx.execute(statement).close();
                }
                tx.commit();
            }
            try (Transaction tx = db.beginTx()) {
                tx.execute(statements.get(0)).close();
                tx.commit();
            }
            SchemaWait.untilOnline(db, TimeUnit.MINUTES.toNanos(10));
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("cannot create the Entity constraint and indexes: " + e.getMessage()
                    + SchemaRepair.ADVICE, e);
        }
    }

    @Override
    public BatchResult write(List<ParsedTriple> batch) {
        if (freshStore) {
            return holdFresh(batch);
        }
        Map<String, List<ParsedTriple>> byType = new LinkedHashMap<>();
        for (ParsedTriple t : batch) {
            byType.computeIfAbsent(t.relation(), k -> new ArrayList<>()).add(t);
        }
        epoch++;
        long created = 0;
        createdInBatch = 0;
        try (Transaction tx = db.beginTx()) {
            for (Map.Entry<String, List<ParsedTriple>> group : byType.entrySet()) {
                int type = typeIndex.computeIfAbsent(group.getKey(), k -> {
                    types.add(RelationshipType.withName(k));
                    return types.size() - 1;
                });
                RelationshipType relType = types.get(type);
                for (ParsedTriple t : group.getValue()) {
                    NodeRef s = resolve(tx, t.subjectKey(), t.subjectName());
                    NodeRef o = resolve(tx, t.objectKey(), t.objectName());
                    if (!written.add(new Edge(s.id, type, o.id))) {
                        continue;
                    }
                    if ((s.preexisting || o.preexisting) && exists(s, relType, o)) {
                        continue;
                    }
                    s.node.createRelationshipTo(o.node, relType);
                    created++;
                }
            }
            tx.commit();
        } catch (RuntimeException e) {
            // Nodes cached for this batch were rolled back with it: forget everything and treat the store
            // as non-fresh, so any later write looks entities up again and checks stored relationships.
            nodes.clear();
            written.clear();
            freshStore = false;
            if (db.isAvailable()) {
                throw new WriteRejectedException(rootMessage(e), e);
            }
            throw new GraphUnavailableException("writing a batch of " + batch.size()
                    + " triples to the embedded database failed: " + e.getMessage(), e);
        }
        return new BatchResult(created, createdInBatch);
    }

    /**
     * The fresh-store path, part one: nothing stored can match, so the batch only goes into memory,
     * deduplicated, and is written by {@link #writePending}: at the end of the load (or when
     * {@link #MAX_PENDING_TRIPLES} are held, or before a stop for too many malformed lines).
     */
    private BatchResult holdFresh(List<ParsedTriple> batch) {
        long created = 0;
        long entitiesBefore = fresh.entityCount();
        String lastRelation = null;
        int type = -1;
        for (ParsedTriple t : batch) {
            if (!t.relation().equals(lastRelation)) {
                lastRelation = t.relation();
                type = typeIndex.computeIfAbsent(lastRelation, k -> {
                    types.add(RelationshipType.withName(k));
                    return types.size() - 1;
                });
            }
            int s = fresh.entity(t.subjectKey(), t.subjectName());
            int o = fresh.entity(t.objectKey(), t.objectName());
            if (written.add(new Edge(s, type, o))) {
                fresh.addEdge(s, type, o);
                created++;
            }
        }
        BatchResult result = new BatchResult(created, fresh.entityCount() - entitiesBefore);
        if (fresh.pendingEdges() >= maxPendingTriples) {
            writePending();
        }
        return result;
    }

    /**
     * The fresh-store path, part two: writes the held entities, then their relationships, straight
     * through the kernel's write operations with token ids and long node ids (no entity objects, no
     * token lookups by name per call, no existence checks; profiling showed the Core API's per-call
     * overhead as a large share of the writing thread's time).
     */
    private void writePending() {
        Thread fullText = null;
        RuntimeException[] fullTextFailure = new RuntimeException[1];
        try {
            writePendingNodes();
            if (fullTextDeferred) {
                fullTextDeferred = false;
                fullText = new Thread(() -> {
                    try {
                        createSchema(EntitySchema.SCHEMA_STATEMENTS);
                    } catch (RuntimeException e) {
                        fullTextFailure[0] = e;
                    }
                }, "ariadne-fulltext-index");
                fullText.setDaemon(true);
                fullText.start();
            }
            writePendingRelationships();
        } catch (KernelException | RuntimeException e) {
            nodes.clear();
            written.clear();
            fresh.clear();
            freshStore = false;
            throw new GraphUnavailableException("writing to the embedded database failed: " + e.getMessage(), e);
        } finally {
            if (fullText != null) {
                joinUninterruptibly(fullText);
            }
        }
        if (fullTextFailure[0] != null) {
            throw fullTextFailure[0];
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writePendingNodes() throws KernelException {
        int from = fresh.committedEntities();
        int to = fresh.entityCount();
        while (from < to) {
            int end = (int) Math.min(to, (long) from + transactionSize);
            try (Transaction tx = db.beginTx()) {
                KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
                TokenWrite tokens = ktx.tokenWrite();
                Write write = ktx.dataWrite();
                int[] labels = {tokens.labelGetOrCreateForName(EntitySchema.ENTITY_LABEL)};
                int keyToken = tokens.propertyKeyGetOrCreateForName(EntitySchema.KEY);
                int nameToken = tokens.propertyKeyGetOrCreateForName(EntitySchema.NAME);
                for (int e = from; e < end; e++) {
                    long id = write.nodeCreateWithLabels(labels);
                    String key = fresh.key(e);
                    String name = fresh.name(e);
                    Value keyValue = Values.stringValue(key);
                    write.nodeSetProperty(id, keyToken, keyValue);
                    write.nodeSetProperty(id, nameToken,
                            name == null || name.isEmpty() ? keyValue : Values.stringValue(name));
                    fresh.setNodeId(e, id);
                }
                tx.commit();
            }
            fresh.committedUpTo(end);
            from = end;
        }
    }

    private void writePendingRelationships() throws KernelException {
        int count = fresh.pendingEdges();
        int from = 0;
        while (from < count) {
            int end = (int) Math.min(count, (long) from + transactionSize);
            try (Transaction tx = db.beginTx()) {
                KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
                TokenWrite tokens = ktx.tokenWrite();
                Write write = ktx.dataWrite();
                int[] typeTokens = new int[types.size()];
                Arrays.fill(typeTokens, -1);
                for (int i = from; i < end; i++) {
                    int type = fresh.edgeType(i);
                    int token = typeTokens[type];
                    if (token < 0) {
                        token = tokens.relationshipTypeGetOrCreateForName(types.get(type).name());
                        typeTokens[type] = token;
                    }
                    write.relationshipCreate(fresh.nodeId(fresh.edgeSubject(i)), token, fresh.nodeId(fresh.edgeObject(i)));
                }
                tx.commit();
            }
            from = end;
        }
        fresh.clearEdges();
    }

    /** The innermost message: Neo4j wraps the reason (a constraint, an index limit) in transaction failures. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The cached entity for {@code key}, its node bound to this batch's transaction. */
    private NodeRef resolve(Transaction tx, String key, String name) {
        NodeRef ref = nodes.get(key);
        if (ref != null) {
            if (ref.epoch != epoch) {
                ref.node = tx.getNodeById(ref.id);
                ref.epoch = epoch;
            }
            return ref;
        }
        Node found = freshStore ? null : tx.findNode(ENTITY, EntitySchema.KEY, key);
        if (found != null) {
            ref = new NodeRef(found.getId(), true, found, epoch);
        } else {
            Node n = tx.createNode(ENTITY);
            n.setProperty(EntitySchema.KEY, key);
            n.setProperty(EntitySchema.NAME, name == null || name.isEmpty() ? key : name);
            ref = new NodeRef(n.getId(), false, n, epoch);
            createdInBatch++;
        }
        nodes.put(key, ref);
        return ref;
    }

    /** Whether {@code (s)-[:type]->(o)} is stored, scanning from the side with fewer such relationships. */
    private static boolean exists(NodeRef s, RelationshipType type, NodeRef o) {
        boolean fromSubject = s.node.getDegree(type, Direction.OUTGOING) <= o.node.getDegree(type, Direction.INCOMING);
        Node from = fromSubject ? s.node : o.node;
        long target = fromSubject ? o.id : s.id;
        try (ResourceIterable<Relationship> rels = from.getRelationships(
                fromSubject ? Direction.OUTGOING : Direction.INCOMING, type)) {
            for (Relationship r : rels) {
                if ((fromSubject ? r.getEndNodeId() : r.getStartNodeId()) == target) {
                    return true;
                }
            }
        }
        return false;
    }
}
