package dev.ariadne.benchmarks.retrieval;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.cypher.GraphAccess;
import dev.ariadne.cypher.Neo4jGraphAccess;
import dev.ariadne.cypher.procedures.ExpandProcedure;
import dev.ariadne.cypher.retrieve.BoltRetriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * One MetaQA KB in a Harness (with {@code ariadne.expand} registered, Bolt on a random local port, 512 MiB
 * page cache), the four retrieval variants over it, and the seeded query samples. Built once per JVM;
 * before any timing it checks that every variant returns the same paths for every sampled query.
 */
final class RetrievalFixture {
    /** What a variant returns: the key sequence of every path, in order. */
    interface Variant {
        List<List<String>> run(GoldQueryWithLimits q);
    }

    /**
     * EMBEDDED is Ariadne's layout on the kernel; MAPPED reads the same nodes through a {@link GraphMapping} of a
     * label and key property of their own ({@code :Thing {id}}, written beside {@code :Entity {key}}), so it times
     * the mapping's code path (keys read per label, no ordered key index, no shared read cache) on the same data.
     */
    enum Kind { EMBEDDED, MAPPED, PROCEDURE, CYPHER, NAIVE }

    /** The mapping MAPPED reads through. */
    static final GraphMapping THING = GraphMapping.builder()
            .label(EntityLabel.of("Thing", "id", List.of("name"), List.of())).build();

    record GoldQueryWithLimits(MetaQaKb.GoldQuery query, RetrievalLimits limits) {
    }

    static final long SEED = Long.getLong("ariadne.bench.seed", 42L);
    static final int SAMPLE = Integer.getInteger("ariadne.bench.sample", 100);
    static final int HUBS = Integer.getInteger("ariadne.bench.hubs", 10);
    /** How many queries of each gold sample the (slow) naive variant is checked on before timing. */
    static final int NAIVE_CHECKS = Integer.getInteger("ariadne.bench.naiveChecks", 10);
    /** Limits for gold questions: the engine's defaults. */
    static final RetrievalLimits GOLD_LIMITS = RetrievalLimits.DEFAULT;
    /** Limits from hubs ("hubs"): a trace-sized cap of 100 paths and 100 entities expanded per hop. */
    static final RetrievalLimits HUB_LIMITS = RetrievalLimits.DEFAULT.withMaxPaths(100).withMaxFrontierPerHop(100);
    /** The same hub queries with a 1,000-entity frontier ("hubs-f1000"). */
    static final RetrievalLimits HUB_LIMITS_WIDE = HUB_LIMITS.withMaxFrontierPerHop(1_000);

    private static RetrievalFixture instance;
    private static IllegalStateException failure;

    final Neo4j server;
    final BoltGraph bolt;
    final Map<Kind, Variant> variants = new EnumMap<>(Kind.class);
    final Map<String, List<GoldQueryWithLimits>> samples = new java.util.LinkedHashMap<>();

    static synchronized RetrievalFixture get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null) {
            try {
                instance = new RetrievalFixture();
            } catch (Exception e) {
                failure = new IllegalStateException("cannot set up the retrieval benchmark: " + e.getMessage(), e);
                throw failure;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    private RetrievalFixture() throws Exception {
        Path metaQa = MetaQaKb.locate();
        long t0 = System.nanoTime();
        server = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer()
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withProcedure(ExpandProcedure.class)
                .build();
        GraphDatabaseService db = server.defaultDatabaseService();
        MetaQaKb.load(db, metaQa.resolve("kb.txt"));
        System.out.printf("# loaded MetaQA kb.txt into the Harness in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        bolt = BoltGraph.connect(server.boltURI(), null, AuthTokens.none());

        GraphAccess embedded = Neo4jGraphAccess.inProcess(db);
        variants.put(Kind.EMBEDDED, retriever(embedded.retriever()));
        db.executeTransactionally("MATCH (n:Entity) SET n:Thing, n.id = n.key");
        db.executeTransactionally("CREATE CONSTRAINT thing_id IF NOT EXISTS FOR (n:Thing) REQUIRE n.id IS UNIQUE");
        db.executeTransactionally("CALL db.awaitIndexes(600)");
        variants.put(Kind.MAPPED, retriever(Neo4jGraphAccess.inProcess(db, THING).retriever()));
        variants.put(Kind.PROCEDURE, retriever(Neo4jGraphAccess.bolt(bolt, BoltRetriever.Mode.PROCEDURE).retriever()));
        variants.put(Kind.CYPHER, retriever(Neo4jGraphAccess.bolt(bolt, BoltRetriever.Mode.CYPHER).retriever()));
        variants.put(Kind.NAIVE, new NaiveVariableLength(bolt));

        for (int h = 1; h <= 3; h++) {
            List<MetaQaKb.GoldQuery> all = new ArrayList<>(MetaQaKb.questions(metaQa, h));
            Collections.shuffle(all, new Random(SEED + h));
            List<GoldQueryWithLimits> sample = new ArrayList<>();
            for (MetaQaKb.GoldQuery q : all.subList(0, Math.min(SAMPLE, all.size()))) {
                sample.add(new GoldQueryWithLimits(q, GOLD_LIMITS));
            }
            samples.put(h + "-hop", sample);
        }
        List<GoldQueryWithLimits> hubs = hubQueries(db, embedded);
        samples.put("hubs", hubs);
        samples.put("hubs-f1000", hubs.stream().map(q -> new GoldQueryWithLimits(q.query(), HUB_LIMITS_WIDE)).toList());
        checkAgreement();
    }

    private static Variant retriever(Retriever r) {
        return q -> {
            RetrievalResult res = r.retrieve(Entity.named(q.query().topic()), q.query().chain(), q.limits());
            List<List<String>> out = new ArrayList<>(res.paths().size());
            for (ReasoningPath p : res.paths()) {
                out.add(p.entities().stream().map(Entity::key).toList());
            }
            return out;
        };
    }

    /**
     * From each of the {@link #HUBS} highest-degree entities: the 1-, 2- and 3-hop paths that follow, at each
     * hop, the relation reaching the most entities (from {@code nextRelations}), so each query is non-empty.
     */
    private static List<GoldQueryWithLimits> hubQueries(GraphDatabaseService db, GraphAccess access) {
        record Degree(String key, long degree) {
        }
        List<Degree> degrees = new ArrayList<>();
        try (Transaction tx = db.beginTx(); ResourceIterator<Node> nodes = tx.findNodes(GraphModel.ENTITY)) {
            while (nodes.hasNext()) {
                Node n = nodes.next();
                degrees.add(new Degree((String) n.getProperty(GraphModel.KEY), n.getDegree()));
            }
        }
        degrees.sort(Comparator.comparingLong(Degree::degree).reversed().thenComparing(Degree::key));
        List<GoldQueryWithLimits> out = new ArrayList<>();
        for (Degree d : degrees.subList(0, Math.min(HUBS, degrees.size()))) {
            RelationPath path = RelationPath.EMPTY;
            StringBuilder label = new StringBuilder();
            for (int hop = 1; hop <= 3; hop++) {
                List<RelationFrontier> next = access.constraint().nextRelations(Entity.named(d.key()), path);
                if (next.isEmpty()) {
                    break;
                }
                RelationFrontier best = next.stream().max(Comparator.comparingLong(RelationFrontier::frontierSize)
                        .thenComparing(RelationFrontier::relation, Comparator.reverseOrder())).orElseThrow();
                path = path.append(best.relation());
                out.add(new GoldQueryWithLimits(new MetaQaKb.GoldQuery("hub " + d.key() + " (degree " + d.degree() + ")",
                        d.key(), path), HUB_LIMITS));
            }
            label.append(d.key());
        }
        System.out.println("# hubs: " + degrees.subList(0, Math.min(HUBS, degrees.size())));
        out.forEach(q -> System.out.println("#   " + q.query().label() + ": " + q.query().chain()));
        return out;
    }

    /** Every variant must return the same key sequences for every sampled query (naive: the first {@link #NAIVE_CHECKS} of each gold sample). */
    private void checkAgreement() {
        long t0 = System.nanoTime();
        int checked = 0;
        for (Map.Entry<String, List<GoldQueryWithLimits>> s : samples.entrySet()) {
            for (int i = 0; i < s.getValue().size(); i++) {
                GoldQueryWithLimits q = s.getValue().get(i);
                List<List<String>> want = variants.get(Kind.EMBEDDED).run(q);
                for (Kind k : Kind.values()) {
                    if (k == Kind.EMBEDDED || (k == Kind.NAIVE && (s.getKey().startsWith("hubs") || i >= NAIVE_CHECKS))) {
                        continue;
                    }
                    List<List<String>> got = variants.get(k).run(q);
                    if (!want.equals(got)) {
                        throw new IllegalStateException(k + " disagrees with EMBEDDED on " + q.query() + ": "
                                + got.size() + " vs " + want.size() + " paths");
                    }
                    checked++;
                }
            }
        }
        System.out.printf("# %d (variant, query) results agree with the embedded retriever (%.1f s)%n", checked,
                (System.nanoTime() - t0) / 1e9);
    }

    Variant variant(Kind k) {
        return variants.get(k);
    }

    void close() {
        try {
            bolt.close();
        } finally {
            server.close();
        }
    }

    /** Hop label for a directed relation, used by the naive query's post-filter. */
    static boolean forward(DirectedRelation r) {
        return !r.isInverse();
    }

    /** Opens a Bolt session on the fixture's server. */
    Session session() {
        return bolt.driver().session(bolt.sessionConfig());
    }
}
