package dev.ariadne.loader;

import dev.ariadne.core.error.GraphUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.neo4j.graphdb.schema.ConstraintDefinition;
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
 * <p>Into a database with no entities yet (the usual first load) nothing can pre-exist, so the cache is
 * the whole truth: it skips index lookups and creates the constraint and indexes after the data, one
 * bulk index build instead of an index update per node. It also writes through the kernel's write
 * operations (token ids, long node ids) rather than the Core API's entity objects. Otherwise the schema
 * is made first, so that lookups use the unique index.
 *
 * <p>Uses long node ids (deprecated in favour of element ids) because they are the cheap handle that
 * lets the cache outlive a transaction; they stay valid for the life of one load on a local store.
 */
@SuppressWarnings("deprecation")
final class EmbeddedWriter implements GraphWriter {
    private static final Label ENTITY = Label.label(EntitySchema.ENTITY_LABEL);

    private final GraphDatabaseService db;
    private final Map<String, NodeRef> nodes = new HashMap<>();
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final List<RelationshipType> types = new ArrayList<>();
    private final Set<Edge> written = new HashSet<>();
    private boolean freshStore;
    private boolean schemaDeferred;
    private int epoch;
    private long createdInBatch;

    EmbeddedWriter(GraphDatabaseService db) {
        this.db = db;
    }

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
    public void prepare() {
        boolean hasEntities;
        boolean hasConstraint = false;
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> any = tx.findNodes(ENTITY)) {
            hasEntities = any.hasNext();
            for (ConstraintDefinition c : tx.schema().getConstraints(ENTITY)) {
                hasConstraint |= c.getName().equals(EntitySchema.KEY_CONSTRAINT);
            }
        }
        freshStore = !hasEntities;
        schemaDeferred = freshStore && !hasConstraint;
        if (!schemaDeferred) {
            createSchema();
        }
    }

    @Override
    public void close() {
        if (schemaDeferred) {
            schemaDeferred = false;
            createSchema();
        }
    }

    private void createSchema() {
        try {
            // One transaction for all three, so their populations share one scan of the store.
            try (Transaction tx = db.beginTx()) {
                for (String statement : EntitySchema.SCHEMA_STATEMENTS) {
                    tx.execute(statement).close();
                }
                tx.commit();
            }
            try (Transaction tx = db.beginTx()) {
                tx.schema().awaitIndexesOnline(10, TimeUnit.MINUTES);
                tx.commit();
            }
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("cannot create the Entity constraint and indexes: " + e.getMessage(), e);
        }
    }

    @Override
    public BatchResult write(List<ParsedTriple> batch) {
        if (freshStore) {
            return writeFresh(batch);
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
            throw new GraphUnavailableException("writing a batch of " + batch.size()
                    + " triples to the embedded database failed: " + e.getMessage(), e);
        }
        return new BatchResult(created, createdInBatch);
    }

    /**
     * The fresh-store path: nothing stored can match, so it writes straight through the kernel's write
     * operations with token ids resolved once per batch and node ids from the cache (no entity objects,
     * no token lookups by name per call, no existence checks). Profiling showed the Core API's per-call
     * overhead as a large share of the writing thread's time.
     */
    private BatchResult writeFresh(List<ParsedTriple> batch) {
        long created = 0;
        createdInBatch = 0;
        epoch++;
        try (Transaction tx = db.beginTx()) {
            KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
            TokenWrite tokens = ktx.tokenWrite();
            Write write = ktx.dataWrite();
            int[] labels = {tokens.labelGetOrCreateForName(EntitySchema.ENTITY_LABEL)};
            int keyToken = tokens.propertyKeyGetOrCreateForName(EntitySchema.KEY);
            int nameToken = tokens.propertyKeyGetOrCreateForName(EntitySchema.NAME);
            String lastRelation = null;
            int type = -1;
            int typeToken = -1;
            for (ParsedTriple t : batch) {
                if (!t.relation().equals(lastRelation)) {
                    lastRelation = t.relation();
                    type = typeIndex.computeIfAbsent(lastRelation, k -> {
                        types.add(RelationshipType.withName(k));
                        return types.size() - 1;
                    });
                    typeToken = tokens.relationshipTypeGetOrCreateForName(lastRelation);
                }
                long s = freshNode(write, labels, keyToken, nameToken, t.subjectKey(), t.subjectName());
                long o = freshNode(write, labels, keyToken, nameToken, t.objectKey(), t.objectName());
                if (!written.add(new Edge(s, type, o))) {
                    continue;
                }
                write.relationshipCreate(s, typeToken, o);
                created++;
            }
            tx.commit();
        } catch (KernelException | RuntimeException e) {
            nodes.clear();
            written.clear();
            freshStore = false;
            throw new GraphUnavailableException("writing a batch of " + batch.size()
                    + " triples to the embedded database failed: " + e.getMessage(), e);
        }
        return new BatchResult(created, createdInBatch);
    }

    private long freshNode(Write write, int[] labels, int keyToken, int nameToken, String key, String name)
            throws KernelException {
        NodeRef ref = nodes.get(key);
        if (ref != null) {
            return ref.id;
        }
        long id = write.nodeCreateWithLabels(labels);
        Value keyValue = Values.stringValue(key);
        write.nodeSetProperty(id, keyToken, keyValue);
        write.nodeSetProperty(id, nameToken, name == null || name.isEmpty() ? keyValue : Values.stringValue(name));
        // No Node handle: resolve() rebinds one by id if a later batch goes through the Core API path.
        nodes.put(key, new NodeRef(id, false, null, -1));
        createdInBatch++;
        return id;
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
