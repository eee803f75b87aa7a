package dev.ariadne.cypher.retrieve;

import dev.ariadne.connect.ReadRetry;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.GraphUnavailableException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.retrieve.ExecutedQuery;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.core.retrieve.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransactionTerminatedException;

/**
 * Retrieval on an embedded database on the kernel cursors ({@link KernelHops} + {@link PathExpansion}),
 * in a read-only use of one transaction whose timeout is the query's budget.
 */
public final class EmbeddedRetriever implements Retriever {
    public static final String LANGUAGE = "kernel";

    private final GraphDatabaseService db;
    private final SchemaCache schema;
    private final ReadCache cache;
    private final GraphMapping mapping;

    public EmbeddedRetriever(GraphDatabaseService db, SchemaCache schema) {
        this(db, schema, GraphMapping.ariadneLayout());
    }

    /** Through {@code mapping}, already checked against {@code db}. */
    public EmbeddedRetriever(GraphDatabaseService db, SchemaCache schema, GraphMapping mapping) {
        this.db = Objects.requireNonNull(db, "db");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        // the database's shared cache holds keys read under Ariadne's layout; another mapping has its own
        this.cache = mapping.isAriadneLayout() ? ReadCache.of(db) : ReadCache.unshared(db);
    }

    @Override
    public RetrievalResult retrieve(Entity topic, RelationPath path, RetrievalLimits limits) {
        schema.validate(path);
        Deadline deadline = Deadline.in("retrieval of " + path.format() + " from '" + topic.key() + "'", limits.timeout());
        try {
            return ReadRetry.attempts("retrieval of " + path.format(), () -> {
                deadline.check();   // a retry gets only what is left of the budget
                try (Transaction tx = db.beginTx(deadline.remaining().toMillis() + 1, TimeUnit.MILLISECONDS)) {
                    return retrieve(tx, cache, mapping, topic, path, limits, deadline);
                }
            });
        } catch (TransactionTerminatedException e) {
            throw deadline.timeout(e);
        } catch (AriadneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("retrieval failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs inside a caller's transaction (used by in-database procedures), with the database's shared
     * {@link ReadCache} (or null for none).
     */
    public static RetrievalResult retrieve(Transaction tx, ReadCache cache, Entity topic, RelationPath path,
                                           RetrievalLimits limits, Deadline deadline) {
        return retrieve(tx, cache, GraphMapping.ariadneLayout(), topic, path, limits, deadline);
    }

    /** {@link #retrieve(Transaction, ReadCache, Entity, RelationPath, RetrievalLimits, Deadline)} through a checked mapping. */
    public static RetrievalResult retrieve(Transaction tx, ReadCache cache, GraphMapping mapping, Entity topic,
                                           RelationPath path, RetrievalLimits limits, Deadline deadline) {
        try (KernelHops hops = new KernelHops(tx, cache, mapping)) {
            long start = hops.find(topic.key());
            if (start == KernelHops.NOT_FOUND) {
                throw new EntityNotFoundException(topic.key(), KernelHops.noSuchKey(mapping));
            }
            PathExpansion.Outcome<Long, Long> out = PathExpansion.run(hops, start, topic.key(), path.hops(), limits, deadline);
            List<ReasoningPath> paths = new ArrayList<>(out.paths().size());
            for (PathExpansion.Found<Long, Long> f : out.paths()) {
                List<Entity> es = new ArrayList<>(f.nodes().size());
                for (int i = 0; i < f.nodes().size(); i++) {
                    es.add(hops.entity(f.nodes().get(i), f.keys().get(i)));
                }
                paths.add(new ReasoningPath(es, path));
            }
            return new RetrievalResult(topic, path, paths, out.pathsFound(), out.frontierCut(), out.truncated(),
                    query(topic, path, limits));
        }
    }

    static ExecutedQuery query(Entity topic, RelationPath path, RetrievalLimits limits) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("entity", topic.key());
        params.put("relations", path.format());
        params.put("maxPaths", limits.maxPaths());
        params.put("maxFrontierPerHop", limits.maxFrontierPerHop());
        params.put("timeoutMs", limits.timeout().toMillis());
        params.put("keepTopic", limits.keepTopic());
        return new ExecutedQuery(LANGUAGE, "expand($entity, $relations) on the kernel cursors", params);
    }
}
