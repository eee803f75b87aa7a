package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * What earlier retrievals on one database read, kept until the next transaction closes on it: the keys
 * and display names of nodes, and the first hop from a hub. Retrieval from a hub (a genre with 4,176 films)
 * reads every relationship of the hop and hundreds of keys to choose the kept frontier by smallest key,
 * and the same hubs are asked about again and again; on a graph that is read far more often than written,
 * those reads are most of a hub query's time inside the database.
 *
 * <p>Why it cannot serve a stale value: each use starts with the id of the last transaction <em>closed</em>
 * on the database (its changes applied to the store), read before any property is. Values read under id
 * {@code t} are stored in the generation for {@code t}; a use that sees a later id starts a new, empty
 * generation. A value read while a later transaction was being applied may be newer than {@code t}, never
 * older, and is dropped as soon as that transaction closes. A transaction with changes of its own does not
 * use the cache ({@link KernelHops} checks), since its reads must see them.
 *
 * <p>Bounded: a generation stops taking values at {@code maxNodes} nodes (it then only serves what it has).
 * Thread-safe: procedures run on many Bolt workers at once.
 */
public final class ReadCache {
    /** Nodes one generation holds at most: about 100 bytes each with key and name, so about 50 MB. */
    public static final int DEFAULT_MAX_NODES = 500_000;
    /**
     * The JVM system property that overrides {@link #DEFAULT_MAX_NODES} (on a server, through
     * {@code server.jvm.additional=-Dariadne.readCache.maxNodes=...}); 0 turns the cache off.
     */
    public static final String MAX_NODES_PROPERTY = "ariadne.readCache.maxNodes";
    /** Hops from a hub one generation holds at most (each a few kilobytes for a frontier of 100). */
    public static final int MAX_HOPS = 10_000;
    /** Marks a node read and found without the property (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String ABSENT = new String("");

    /** {@code value}, or {@link #ABSENT} for null. */
    static String absentIfNull(String value) {
        return value == null ? ABSENT : value;
    }

    /** {@code held}, or null for {@link #ABSENT}. */
    static String nullIfAbsent(String held) {
        return held == ABSENT ? null : held;
    }

    /** One cache per database (by name), replaced when the database behind the name is a new one. */
    private static final Map<String, ReadCache> BY_DATABASE = new ConcurrentHashMap<>();

    private final Object owner;
    private final LongSupplier lastClosedTransaction;
    private final int maxNodes;
    private final AtomicReference<Generation> current;

    ReadCache(Object owner, LongSupplier lastClosedTransaction, int maxNodes) {
        if (maxNodes < 0) {
            throw new IllegalArgumentException("maxNodes must be >= 0: " + maxNodes);
        }
        this.owner = owner;
        this.lastClosedTransaction = Objects.requireNonNull(lastClosedTransaction, "lastClosedTransaction");
        this.maxNodes = maxNodes;
        this.current = new AtomicReference<>(new Generation(Long.MIN_VALUE, 0));
    }

    /**
     * The shared cache of this database, or null (nothing shared) when the database offers no transaction
     * id store; every embedded database and every server database seen by a plugin has one.
     */
    public static ReadCache of(GraphDatabaseService db) {
        Objects.requireNonNull(db, "db");
        TransactionIdStore ids;
        try {
            // Resolved on every call: a database stopped and started again has a new store behind the same name.
            ids = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(TransactionIdStore.class);
        } catch (RuntimeException e) {
            return null;        // no transaction ids to check against: nothing may be shared
        }
        return BY_DATABASE.compute(db.databaseName(), (name, cache) -> cache != null && cache.owner == ids
                ? cache : new ReadCache(ids, ids::getLastClosedTransactionId, maxNodes()));
    }

    /**
     * A cache of its own for one mapped graph (not shared by database name, since what it holds depends on the
     * mapping), or null when the database offers no transaction id store. Under a mapping other than Ariadne's
     * layout only the value indexes of list attributes ({@link Generation#values}) are kept.
     */
    public static ReadCache unshared(GraphDatabaseService db) {
        Objects.requireNonNull(db, "db");
        TransactionIdStore ids;
        try {
            ids = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(TransactionIdStore.class);
        } catch (RuntimeException e) {
            return null;
        }
        return new ReadCache(ids, ids::getLastClosedTransactionId, maxNodes());
    }

    /** {@value #MAX_NODES_PROPERTY}, or the default when it is not set. */
    static int maxNodes() {
        String value = System.getProperty(MAX_NODES_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_NODES;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        throw new InvalidInputException("system property " + MAX_NODES_PROPERTY + " must be a whole number >= 0 "
                + "(0 turns the read cache off), got '" + value + "'");
    }

    /**
     * The generation for a transaction starting now: call before reading any property. An older generation
     * is replaced; a use that raced with a newer one gets a private generation that nobody else sees.
     */
    Generation open() {
        long closed = lastClosedTransaction.getAsLong();
        while (true) {
            Generation g = current.get();
            if (g.transaction == closed) {
                return g;
            }
            if (g.transaction > closed) {
                return new Generation(closed, 0);
            }
            Generation fresh = new Generation(closed, maxNodes);
            if (current.compareAndSet(g, fresh)) {
                return fresh;
            }
        }
    }

    /** Values read under one closed transaction id. */
    static final class Generation {
        final long transaction;
        private final int maxNodes;
        private final ConcurrentHashMap<Long, String> keys = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Long, String> names = new ConcurrentHashMap<>();
        private final AtomicInteger size = new AtomicInteger();
        private final ConcurrentHashMap<HopKey, Hop> hops = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Map<String, long[]>> values = new ConcurrentHashMap<>();

        Generation(long transaction, int maxNodes) {
            this.transaction = transaction;
            this.maxNodes = maxNodes;
        }

        /** The node's key, {@link #ABSENT} when it has none, or null when not known. */
        String key(long node) {
            return keys.get(node);
        }

        /** The node's name, {@link #ABSENT} when it has none, or null when not known. */
        String name(long node) {
            return names.get(node);
        }

        /** The node's key as held ({@link #ABSENT}: none), else {@code read}'s (null: none), which is then held. */
        String key(long node, LongFunction<String> read) {
            return through(keys, node, read);
        }

        /** The node's name, like {@link #key(long, LongFunction)}. */
        String name(long node, LongFunction<String> read) {
            return through(names, node, read);
        }

        void putKey(long node, String key) {
            put(keys, node, absentIfNull(key));
        }

        private String through(ConcurrentHashMap<Long, String> map, long node, LongFunction<String> read) {
            String held = map.get(node);
            if (held != null) {
                return held;
            }
            String value = absentIfNull(read.apply(node));
            put(map, node, value);
            return value;
        }

        private void put(ConcurrentHashMap<Long, String> map, long node, String value) {
            if (size.get() < maxNodes && map.putIfAbsent(node, value) == null) {
                size.incrementAndGet();
            }
        }

        int size() {
            return size.get();
        }

        /** The remembered hop from {@code node}, or null. */
        Hop hop(long node, String relation, int max) {
            return hops.get(new HopKey(node, relation, max));
        }

        /** Remembers a hop; its kept neighbours count against the generation's bound on nodes. */
        void putHop(long node, String relation, int max, Hop hop) {
            int weight = hop.ends().length + 1;
            if (size.get() + weight <= maxNodes && hops.size() < MAX_HOPS
                    && hops.putIfAbsent(new HopKey(node, relation, max), hop) == null) {
                size.addAndGet(weight);
            }
        }

        int hops() {
            return hops.size();
        }

        /**
         * The value index of one list attribute (value text -> the nodes holding it), built by {@code build} on
         * first use in this generation: going back from a value then costs a map read instead of reading every
         * node of the label. Not bounded by {@code maxNodes}: one entry per value element, as the data has them.
         */
        Map<String, long[]> values(String attribute, java.util.function.Supplier<Map<String, long[]>> build) {
            if (maxNodes == 0) {
                return build.get();     // the cache is off (or this is a private generation)
            }
            return values.computeIfAbsent(attribute, k -> build.get());
        }
    }

    /** A hop from one node along one directed relation, with one frontier cap. */
    private record HopKey(long node, String relation, int max) {
    }

    /**
     * One hop's outcome from a single node: the relationships into the kept frontier, each with the kept
     * neighbour and its key ({@code ends[i]} is reached by {@code relationships[i]}), the kept frontier, and
     * how many neighbours were cut. Immutable.
     */
    record Hop(long[] relationships, long[] ends, String[] endKeys, Map<Long, String> kept, long cut) {
    }
}
