package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.connect.GraphModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.exceptions.KernelException;
import org.neo4j.internal.kernel.api.IndexQueryConstraints;
import org.neo4j.internal.kernel.api.IndexReadSession;
import org.neo4j.internal.kernel.api.InternalIndexState;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.NodeValueIndexCursor;
import org.neo4j.internal.kernel.api.SchemaRead;
import org.neo4j.internal.schema.IndexDescriptor;
import org.neo4j.internal.schema.IndexOrder;
import org.neo4j.internal.schema.IndexType;
import org.neo4j.internal.schema.SchemaDescriptors;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * Typed per-hop expansion on the kernel's cursors, inside one transaction: nodes and relationships are
 * long ids, and only the paths finally returned become Core API entities ({@link #node},
 * {@link #relationship}). Used by the embedded retriever and the {@code ariadne.expand} and {@code ariadne.retrieve} procedures.
 *
 * <p>Keys are read only when the frontier is chosen ({@link #hop}, {@link #frontier}). When a hop reaches more entities
 * than the frontier may keep, say the 4,176 films of the genre Drama for a cap of 100, reading every
 * neighbour's key to find the 100 smallest costs more than the rest of the search. Instead the unique
 * index on {@code :Entity(key)}, which is ordered, is scanned from the smallest key, taking the neighbours
 * it meets with the key it stores, until the cap is filled: about {@code cap x entities / neighbours}
 * index entries (about 1,000 here) and no property reads. Every key is read instead when that estimate,
 * or the scan itself, passes {@value #SCAN_PER_NEIGHBOUR} entries per neighbour (300 actors of 100 films
 * are spread over the whole index: reading 300 keys is cheaper than scanning a third of it), when some
 * node is not an {@code :Entity} (the index would not see it), when a key is not a string, or when a key
 * holds a character from U+D800 up (the index orders by code point, {@link String#compareTo} by UTF-16
 * unit; they agree below U+D800). So the kept frontier is the same either way.
 *
 * <p>With a {@link ReadCache}, keys and names read by earlier transactions (since the last commit) are not
 * read again, and a hop from a single node that reads at least {@value #HUB_EDGES} relationships (the first
 * hop from a hub) is remembered whole: asked again, it costs neither the relationships nor the choice.
 *
 * <p>Not thread-safe, like the transaction it reads; {@link #close} releases the cursors.
 */
public final class KernelHops implements HopSource<Long, Long>, AutoCloseable {
    /** Index entries the ordered scan may read per neighbour before it falls back to reading keys. */
    static final int SCAN_PER_NEIGHBOUR = 4;
    /** A hop from one node that reads at least this many relationships is remembered in the {@link ReadCache}. */
    static final int HUB_EDGES = 256;
    /** The count store's "any label" token (TokenConstants.ANY_LABEL in the kernel). */
    private static final int ANY_LABEL = -1;
    private static final Direction[] DIRECTIONS = {Direction.OUTGOING, Direction.INCOMING};

    private final InternalTransaction tx;
    private final KernelTransaction ktx;
    private final Read read;
    private final TokenRead tokens;
    private final NodeCursor hopNode;
    private final NodeCursor keyNode;
    private final RelationshipTraversalCursor rels;
    private final PropertyCursor props;
    private final int keyToken;
    private final int nameToken;
    /** Keys read in this transaction; a node without a key maps to {@link ReadCache#ABSENT}. */
    private final LongObjectHashMap<String> keys = new LongObjectHashMap<>(1024);
    /** What earlier transactions read since the last commit (keys, names, hops from hubs), or null when not shared. */
    private final ReadCache.Generation shared;
    /** Nodes known to have a key whose value was not read ({@link #hasKey}). */
    private final LongHashSet keyed = new LongHashSet();
    /** Read a node's key or name: made once, as the cache's read-through is on the hot path. */
    private final LongFunction<String> readKey;
    private final LongFunction<String> readName;
    /** Keys and names under a mapping other than Ariadne's layout, or null for the layout's own fast paths. */
    private final MappedNodes mapped;
    private final Map<Long, Entity> entities = new HashMap<>();
    private NodeValueIndexCursor keyIndexCursor;
    private IndexReadSession keyIndex;
    private Boolean keyIndexUsable;
    /** How many nodes the key index holds (every node, when it is usable). */
    private long indexedNodes;
    private int framesChosenByIndex;

    /** Reads in {@code tx} with no cache beyond the transaction. */
    public KernelHops(Transaction tx) {
        this(tx, null);
    }

    /**
     * Reads in {@code tx}, taking keys and names from {@code cache} when it has them and adding those it
     * reads; a transaction with changes of its own bypasses it.
     */
    public KernelHops(Transaction tx, ReadCache cache) {
        this(tx, cache, GraphMapping.ariadneLayout());
    }

    /**
     * Reads in {@code tx} through {@code mapping} (checked against the database beforehand): only nodes with
     * a mapped label are entities and only followed relationship types are expanded. The cache, when given,
     * must only ever be used with this same mapping.
     */
    public KernelHops(Transaction tx, ReadCache cache, GraphMapping mapping) {
        this.tx = (InternalTransaction) tx;
        this.ktx = this.tx.kernelTransaction();
        this.read = ktx.dataRead();
        this.tokens = ktx.tokenRead();
        var cursors = ktx.cursors();
        var context = ktx.cursorContext();
        var memory = ktx.memoryTracker();
        this.hopNode = cursors.allocateNodeCursor(context, memory);
        this.keyNode = cursors.allocateNodeCursor(context, memory);
        this.rels = cursors.allocateRelationshipTraversalCursor(context, memory);
        this.props = cursors.allocatePropertyCursor(context, memory);
        ReadCache.Generation generation = cache == null || read.transactionStateHasChanges() ? null : cache.open();
        this.mapped = mapping.isAriadneLayout() ? null : new MappedNodes(mapping, tokens, generation);
        this.keyToken = tokens.propertyKey(GraphModel.KEY);
        this.nameToken = tokens.propertyKey(GraphModel.NAME);
        this.readKey = mapped == null ? node -> property(node, keyToken) : node -> mapped.key(node, read, keyNode, props, this.tx);
        this.readName = mapped == null ? node -> property(node, nameToken) : node -> mapped.name(node, read, keyNode, props);
        // under a mapping, literal ids live for one transaction: keys, names and hops are not shared
        this.shared = mapped == null ? generation : null;
    }

    /** What {@link #find} returns for a key no entity has (a literal value's id is below it). */
    public static final long NOT_FOUND = -1;

    /** The id of the entity (or literal value) with this key, or {@link #NOT_FOUND} (through the unique constraint's index). */
    public long find(String key) {
        if (mapped != null) {
            return mapped.find(key, read, keyNode, props, tx);
        }
        Node node = tx.findNode(GraphModel.ENTITY, GraphModel.KEY, key);
        return node == null ? NOT_FOUND : node.getId();
    }

    @Override
    public void expand(List<Long> frontier, DirectedRelation hop, EdgeSink<Long, Long> sink) {
        // The key is read when the frontier is chosen, and only if it must be.
        traverse(frontier, hop, (from, rel, to) -> sink.edge(from, rel, to, null));
    }

    /** Receives one relationship of a hop on primitive ids. */
    @FunctionalInterface
    private interface IdSink {
        void edge(long from, long relationship, long to);
    }

    /** Every relationship of {@code hop}'s type leaving a frontier node in its direction (none when the type or the key token does not exist). */
    private void traverse(List<Long> frontier, DirectedRelation hop, IdSink sink) {
        int attribute = mapped == null ? -1 : mapped.attribute(hop.type());
        if (attribute >= 0) {
            for (Long from : frontier) {
                if (hop.isInverse()) {
                    mapped.backward(from, attribute, read, keyNode, props, tx, (rel, to) -> sink.edge(from, rel, to));
                } else {
                    mapped.forward(from, attribute, read, keyNode, props, (rel, to) -> sink.edge(from, rel, to));
                }
            }
            return;
        }
        int type = tokens.relationshipType(hop.type());
        if (type < 0 || (mapped == null ? keyToken < 0 : !mapped.mapping().follows(hop.type()))) {
            return;
        }
        RelationshipSelection selection = RelationshipSelection.selection(type,
                hop.isInverse() ? Direction.INCOMING : Direction.OUTGOING);
        for (Long from : frontier) {
            if (from < 0) {
                continue;       // a literal value has no relationships
            }
            read.singleNode(from, hopNode);
            if (!hopNode.next()) {
                continue;
            }
            hopNode.relationships(rels, selection);
            while (rels.next()) {
                sink.edge(from, rels.relationshipReference(), rels.otherNodeReference());
            }
        }
    }

    /**
     * One hop on primitive ids: every edge is held in three {@code long} lists and the distinct neighbours
     * in a primitive set until the frontier is chosen, so a hub's thousands of edges into neighbours that
     * are cut cost no boxed ids, map entries or edge objects; only the edges into the kept frontier reach
     * {@code kept}.
     */
    @Override
    public Frontier<Long> hop(List<Long> frontier, DirectedRelation hop, int max, Runnable tick, EdgeSink<Long, Long> kept) {
        if (shared != null && frontier.size() == 1) {
            ReadCache.Hop known = shared.hop(frontier.get(0), hop.format(), max);
            if (known != null) {
                long from = frontier.get(0);
                for (int k = 0; k < known.ends().length; k++) {
                    kept.edge(from, known.relationships()[k], known.ends()[k], known.endKeys()[k]);
                }
                return new Frontier<>(known.kept(), known.cut());
            }
        }
        LongArrayList froms = new LongArrayList();
        LongArrayList ids = new LongArrayList();
        LongArrayList tos = new LongArrayList();
        traverse(frontier, hop, (from, rel, to) -> {
            tick.run();
            froms.add(from);
            ids.add(rel);
            tos.add(to);
        });
        LongHashSet reached = new LongHashSet(tos.size());
        tos.forEach(reached::add);
        Chosen chosen = choose(reached, max);
        boolean remember = shared != null && frontier.size() == 1 && tos.size() >= HUB_EDGES;
        LongArrayList keptRels = remember ? new LongArrayList() : null;
        LongArrayList keptEnds = remember ? new LongArrayList() : null;
        List<String> keptKeys = remember ? new ArrayList<>() : null;
        for (int k = 0; k < tos.size(); k++) {
            String key = chosen.kept().get(tos.get(k));
            if (key != null) {
                kept.edge(froms.get(k), ids.get(k), tos.get(k), key);
                if (remember) {
                    keptRels.add(ids.get(k));
                    keptEnds.add(tos.get(k));
                    keptKeys.add(key);
                }
            }
        }
        Frontier<Long> next = chosen.frontier();
        if (remember) {
            shared.putHop(frontier.get(0), hop.format(), max, new ReadCache.Hop(keptRels.toArray(), keptEnds.toArray(),
                    keptKeys.toArray(new String[0]), Collections.unmodifiableMap(next.kept()), next.cut()));
        }
        return next;
    }

    /**
     * Chooses the next frontier (see the class comment): by an ordered scan of the key index when a hub's
     * neighbours outnumber the cap, else by reading every neighbour's key.
     */
    @Override
    public Frontier<Long> frontier(Map<Long, String> reached, int max) {
        LongHashSet ids = new LongHashSet(reached.size());
        reached.keySet().forEach(ids::add);
        return choose(ids, max).frontier();
    }

    /** The kept neighbours with their keys, and how many neighbours with a key were left out. */
    private record Chosen(LongObjectHashMap<String> kept, long cut) {
        Frontier<Long> frontier() {
            Map<Long, String> boxed = new HashMap<>(kept.size() * 2);
            kept.forEachKeyValue(boxed::put);
            return new Frontier<>(boxed, cut);
        }
    }

    private Chosen choose(LongHashSet reached, int max) {
        if (max > 0 && reached.size() > max) {
            LongObjectHashMap<String> scanned = smallestByIndex(reached, max);
            if (scanned != null) {
                return new Chosen(scanned, reached.size() - scanned.size());
            }
        }
        LongObjectHashMap<String> keyed = new LongObjectHashMap<>(reached.size());
        reached.forEach(node -> {
            String key = key(node);
            if (key != null) {
                keyed.put(node, key);
            }
        });
        if (keyed.size() <= max) {
            return new Chosen(keyed, 0);
        }
        Map<Long, String> withKeys = new HashMap<>(keyed.size() * 2);
        keyed.forEachKeyValue(withKeys::put);
        Frontier<Long> smallest = Frontier.smallestKeys(withKeys, max);
        LongObjectHashMap<String> chosen = new LongObjectHashMap<>(smallest.kept().size());
        smallest.kept().forEach(chosen::put);
        return new Chosen(chosen, smallest.cut());
    }

    /** The {@code max} candidates with the smallest keys by an ordered index scan, or null when that cannot be trusted or would cost too much. */
    private LongObjectHashMap<String> smallestByIndex(LongHashSet candidates, int max) {
        if (!keyIndexUsable()) {
            return null;
        }
        long budget = (long) SCAN_PER_NEIGHBOUR * candidates.size();
        // Neighbours spread over the index: the max-th smallest sits about indexed x max / neighbours entries
        // in. A scan expected to run past its budget is not started (it would be thrown away).
        if ((double) indexedNodes * max / candidates.size() > budget) {
            return null;
        }
        LongObjectHashMap<String> kept = new LongObjectHashMap<>(max);
        try {
            read.nodeIndexScan(keyIndex, keyIndexCursor, IndexQueryConstraints.constrained(IndexOrder.ASCENDING, true));
            long scanned = 0;
            while (kept.size() < max && keyIndexCursor.next()) {
                if (++scanned > budget) {
                    return null;
                }
                long node = keyIndexCursor.nodeReference();
                if (candidates.contains(node)) {
                    Value v = keyIndexCursor.propertyValue(0);
                    if (!(v instanceof TextValue text) || !belowSurrogates(text.stringValue())) {
                        return null;
                    }
                    String key = text.stringValue();
                    kept.put(node, key);
                    keys.put(node, key);
                    if (shared != null) {
                        shared.putKey(node, key);
                    }
                }
            }
        } catch (KernelException e) {
            return null;
        }
        if (kept.size() < max) {
            return null;        // some candidates are not in the index; reading keys gives the exact answer
        }
        framesChosenByIndex++;
        return kept;
    }

    /** Whether the ordered key index exists, is online, and sees every node (all nodes are :Entity). */
    private boolean keyIndexUsable() {
        if (keyIndexUsable == null) {
            keyIndexUsable = false;
            if (mapped != null) {
                return false;     // keys come from several labels and properties: no single ordered index holds them
            }
            int label = tokens.nodeLabel(GraphModel.ENTITY_LABEL);
            indexedNodes = label < 0 ? 0 : read.countsForNode(label);
            if (label >= 0 && keyToken >= 0 && indexedNodes == read.countsForNode(ANY_LABEL)) {
                try {
                    SchemaRead schema = ktx.schemaRead();
                    IndexDescriptor index = schema.index(SchemaDescriptors.forLabel(label, keyToken), IndexType.RANGE);
                    if (index != IndexDescriptor.NO_INDEX && index != null
                            && schema.indexGetState(index) == InternalIndexState.ONLINE) {
                        keyIndex = read.indexReadSession(index);
                        keyIndexCursor = ktx.cursors().allocateNodeValueIndexCursor(ktx.cursorContext(), ktx.memoryTracker());
                        keyIndexUsable = true;
                    }
                } catch (KernelException e) {
                    keyIndexUsable = false;
                }
            }
        }
        return keyIndexUsable;
    }

    private static boolean belowSurrogates(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) >= '\uD800') {
                return false;
            }
        }
        return true;
    }

    /** How many frontiers the ordered index scan chose (for tests). */
    int framesChosenByIndex() {
        return framesChosenByIndex;
    }

    /** Receives one relationship of a node: its id, type token, the node at its other end and its direction. */
    @FunctionalInterface
    public interface RelationshipSink {
        void relationship(long id, int type, long other, boolean outgoing);
    }

    /**
     * Every relationship of {@code node}, all types, once per direction it can be followed in: a self-loop
     * is reported twice, outgoing and incoming (as the Core API lists it for both directions).
     */
    public void relationships(long node, RelationshipSink sink) {
        if (mapped != null && (node < 0 || mapped.attributeCount() > 0)) {
            attributeEdges(node, (type, outgoing) -> false, sink);
            if (node < 0) {
                return;
            }
        }
        storedRelationships(node, sink);
    }

    /** The node's stored relationships only, all types, once per direction (a self-loop twice). */
    private void storedRelationships(long node, RelationshipSink sink) {
        read.singleNode(node, hopNode);
        if (!hopNode.next()) {
            return;
        }
        hopNode.relationships(rels, RelationshipSelection.ALL_RELATIONSHIPS);
        while (rels.next()) {
            long source = rels.sourceNodeReference();
            long target = rels.targetNodeReference();
            if (source == node) {
                sink.relationship(rels.relationshipReference(), rels.type(), target, true);
            }
            if (target == node) {
                sink.relationship(rels.relationshipReference(), rels.type(), source, false);
            }
        }
    }

    /** Relationships wanted per type and direction, until each is settled. */
    public interface SettlingSink extends RelationshipSink {
        /** Whether no more relationships of this type and direction are wanted. */
        boolean settled(int type, boolean outgoing);
    }

    /**
     * Like {@link #relationships(long, RelationshipSink)}, but skips a type and direction once the sink says
     * it is settled. A dense node (a hub such as a genre) is read type by type, each only up to the
     * relationship that settles it, instead of all its thousands; a sparse node is read in one pass.
     */
    public void relationships(long node, SettlingSink sink) {
        if (mapped != null && (node < 0 || mapped.attributeCount() > 0)) {
            attributeEdges(node, sink::settled, sink);
            if (node < 0) {
                return;
            }
        }
        read.singleNode(node, hopNode);
        if (!hopNode.next()) {
            return;
        }
        if (!hopNode.supportsFastDegreeLookup()) {
            storedRelationships(node, (id, type, other, outgoing) -> {
                if (!sink.settled(type, outgoing)) {
                    sink.relationship(id, type, other, outgoing);
                }
            });
            return;
        }
        for (int type : hopNode.relationshipTypes()) {
            for (Direction direction : DIRECTIONS) {
                boolean outgoing = direction == Direction.OUTGOING;
                if (sink.settled(type, outgoing)) {
                    continue;
                }
                // A self-loop is in both selections, as the one-pass read reports it both ways.
                hopNode.relationships(rels, RelationshipSelection.selection(type, direction));
                while (rels.next() && !sink.settled(type, outgoing)) {
                    long other = outgoing ? rels.targetNodeReference() : rels.sourceNodeReference();
                    sink.relationship(rels.relationshipReference(), type, other, outgoing);
                }
            }
        }
    }

    /** Why a key found no node, for {@link dev.ariadne.core.error.EntityNotFoundException}. */
    public static String noSuchKey(GraphMapping mapping) {
        return mapping.isAriadneLayout() ? "no :Entity has this key"
                : "no node of the mapped labels " + mapping.labels().stream().map(l -> l.label()).toList() + " has this key";
    }

    /** Whether retrieval and planning follow relationships of this type under the mapping. */
    public boolean follows(String type) {
        return mapped == null || mapped.mapping().follows(type);
    }

    /**
     * The attribute edges of a node (to its values, outgoing) or of a literal (from the entities holding it,
     * incoming), as relationships of pseudo types below -1 ({@link #typeName} names them).
     */
    private void attributeEdges(long node, java.util.function.BiPredicate<Integer, Boolean> settled, RelationshipSink sink) {
        for (int a = 0; a < mapped.attributeCount(); a++) {
            int type = MappedNodes.pseudoType(a);
            boolean outgoing = node >= 0;
            if (settled.test(type, outgoing)) {
                continue;
            }
            LongArrayList ids = new LongArrayList();
            LongArrayList others = new LongArrayList();
            MappedNodes.AttributeSink collect = (rel, other) -> {
                ids.add(rel);
                others.add(other);
            };
            if (outgoing) {
                mapped.forward(node, a, read, keyNode, props, collect);
            } else {
                mapped.backward(node, a, read, keyNode, props, tx, collect);
            }
            for (int k = 0; k < ids.size() && !settled.test(type, outgoing); k++) {
                sink.relationship(ids.get(k), type, others.get(k), outgoing);
            }
        }
    }

    /** The name of a relationship type token, or of an attribute's pseudo type (below -1). */
    public String typeName(int type) {
        if (type < -1 && mapped != null) {
            String attribute = mapped.attributeName(type);
            if (attribute != null) {
                return attribute;
            }
        }
        try {
            return tokens.relationshipTypeName(type);
        } catch (KernelException e) {
            throw new IllegalStateException("relationship type token " + type + " vanished during a read", e);
        }
    }

    /** The node's key (cached for this transaction), or null when it has none. */
    public String key(long node) {
        String k = keys.get(node);
        if (k == null) {
            k = shared == null ? ReadCache.absentIfNull(readKey.apply(node)) : shared.key(node, readKey);
            keys.put(node, k);
        }
        return ReadCache.nullIfAbsent(k);
    }

    /**
     * Whether the node has a key, without decoding it when it was not read before (cached for this
     * transaction, like {@link #key}): the planning constraint asks this of every neighbour of a frontier.
     */
    public boolean hasKey(long node) {
        String k = keys.get(node);
        if (k == null && shared != null) {
            k = shared.key(node);
        }
        if (k != null) {
            return k != ReadCache.ABSENT;
        }
        if (keyed.contains(node)) {
            return true;
        }
        if (mapped != null) {
            return key(node) != null;
        }
        boolean has = keyToken >= 0 && hasProperty(node, keyToken);
        if (has) {
            keyed.add(node);
        } else {
            keys.put(node, ReadCache.ABSENT);
        }
        return has;
    }

    private boolean hasProperty(long node, int token) {
        read.singleNode(node, keyNode);
        if (!keyNode.next()) {
            return false;
        }
        keyNode.properties(props, PropertySelection.selection(token));
        return props.next();
    }

    /**
     * The entity for a node whose key is known: its display name, or the key when it has none (cached for
     * this transaction: found paths share most of their entities).
     */
    public Entity entity(long node, String key) {
        return entities.computeIfAbsent(node, n -> {
            String name = shared == null ? readName.apply(n)
                    : ReadCache.nullIfAbsent(shared.name(n, readName));
            return new Entity(key, name == null ? key : name);
        });
    }

    /** The Core API node for an id found by this source. */
    public Node node(long id) {
        return tx.newNodeEntity(id);
    }

    /** The Core API relationship taken by {@code hop} between two nodes of a found path. */
    public Relationship relationship(long id, long from, long to, DirectedRelation hop) {
        int type = tokens.relationshipType(hop.type());
        return hop.isInverse() ? tx.newRelationshipEntity(id, to, type, from) : tx.newRelationshipEntity(id, from, type, to);
    }

    private String property(long node, int token) {
        if (token < 0) {
            return null;
        }
        read.singleNode(node, keyNode);
        if (!keyNode.next()) {
            return null;
        }
        keyNode.properties(props, PropertySelection.selection(token));
        if (!props.next()) {
            return null;
        }
        Value v = props.propertyValue();
        if (v == Values.NO_VALUE) {
            return null;
        }
        return v instanceof TextValue text ? text.stringValue() : v.asObjectCopy().toString();
    }

    @Override
    public void close() {
        hopNode.close();
        keyNode.close();
        rels.close();
        props.close();
        if (keyIndexCursor != null) {
            keyIndexCursor.close();
        }
    }
}
