package dev.ariadne.engine;

import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.AnswerGenerator;
import dev.ariadne.core.plan.Planner;
import dev.ariadne.engine.generate.GeneratingReasoner;
import dev.langchain4j.model.chat.ChatModel;
import dev.ariadne.core.reason.Reasoner;
import dev.ariadne.connect.BoltGraph;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.engine.graph.KnowledgeGraph;
import dev.ariadne.engine.graph.Neo4jKnowledgeGraph;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.reasoner.PathReasoner;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link Ariadne}. Every setter checks its value at once and throws
 * {@link InvalidInputException} naming the problem; {@link #build()} checks that the choices fit
 * together. Not thread-safe (use one builder per thread); the built engine is.
 */
public final class AriadneBuilder {
    /** The embedded database folder used when no graph is chosen. */
    public static final Path DEFAULT_FOLDER = Path.of("ariadne-data");

    private Path folder;
    private URI uri;
    private String database;
    private KnowledgeGraph graph;
    private boolean closeGraph;
    private Planner planner;
    private Path plannerModel;
    private boolean zeroShot;
    private TextEncoder encoder;
    private Reasoner reasoner;
    private Limits limits = Limits.DEFAULT;
    private AnswerGenerator generator;
    private int maxTopics = 1;
    private long pageCacheMib = 512;
    private dev.ariadne.core.mapping.GraphMapping mapping;

    AriadneBuilder() {
    }

    /** An embedded Neo4j database in {@code folder} (the default is ./ariadne-data; needs no server). */
    public AriadneBuilder embedded(Path folder) {
        Objects.requireNonNull(folder, "folder");
        checkOneGraph("embedded(" + folder + ")");
        this.folder = folder;
        return this;
    }

    /**
     * A Neo4j server, cluster or Aura instance: {@code bolt://}, {@code neo4j://} or their {@code +s}
     * variants. Credentials come from the environment ({@code ARIADNE_NEO4J_USER} /
     * {@code ARIADNE_NEO4J_PASSWORD}, else {@code NEO4J_USERNAME} / {@code NEO4J_PASSWORD}), never from
     * the URI. Questions run in read transactions, so routing sends them to any cluster member.
     */
    public AriadneBuilder uri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        checkOneGraph("uri(" + uri.getScheme() + "://...)");
        String s = uri.getScheme();
        if (s == null || !(s.startsWith("bolt") || s.startsWith("neo4j"))) {
            throw new InvalidInputException("unsupported URI scheme in '" + uri
                    + "': expected bolt://, neo4j:// or their +s/+ssc variants");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("do not put credentials in the URI: set ARIADNE_NEO4J_USER and ARIADNE_NEO4J_PASSWORD");
        }
        this.uri = uri;
        return this;
    }

    /** The database to use on a server (the server's default when not set). */
    public AriadneBuilder database(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("database name is empty");
        }
        this.database = name;
        return this;
    }

    /** An already open graph; the engine uses it and does not close it. */
    public AriadneBuilder graph(KnowledgeGraph graph) {
        return graph(graph, false);
    }

    /** An already open graph; when {@code closeWithEngine}, closing the engine (or a failed build) closes it. */
    public AriadneBuilder graph(KnowledgeGraph graph, boolean closeWithEngine) {
        Objects.requireNonNull(graph, "graph");
        checkOneGraph("graph(" + graph.describe() + ")");
        this.graph = graph;
        this.closeGraph = closeWithEngine;
        return this;
    }

    /**
     * Which labels, keys, names, attributes and relationship types of the embedded database to answer over
     * (checked against it when the engine is built). Without it, the mapping is detected from the database:
     * Ariadne's own layout for a store it loaded, else the proposal {@code ariadne inspect} shows.
     */
    public AriadneBuilder mapping(dev.ariadne.core.mapping.GraphMapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        return this;
    }

    /** Page cache of the embedded database, in MiB (>= 8; default 512). */
    public AriadneBuilder pageCacheMib(long mib) {
        if (mib < 8) {
            throw new InvalidInputException("page cache must be at least 8 MiB: " + mib);
        }
        this.pageCacheMib = mib;
        return this;
    }

    /** The planner to use; the engine does not close it. */
    public AriadneBuilder planner(Planner planner) {
        Objects.requireNonNull(planner, "planner");
        checkOnePlanner("planner(...)");
        this.planner = planner;
        return this;
    }

    /** A trained planner file (written by {@code ariadne train}); checked against the graph's relations. */
    public AriadneBuilder plannerModel(Path file) {
        Objects.requireNonNull(file, "file");
        checkOnePlanner("plannerModel(" + file + ")");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new InvalidInputException("planner model file not found: " + file.toAbsolutePath());
        }
        this.plannerModel = file;
        return this;
    }

    /** Plans with the encoder alone (cosine of question and verbalised path): works untrained, less accurate. */
    public AriadneBuilder zeroShot() {
        checkOnePlanner("zeroShot()");
        this.zeroShot = true;
        return this;
    }

    /** The encoder for a planner made from {@link #plannerModel} or {@link #zeroShot}; the engine does not close it. Default: bge-small, loaded by the engine. */
    public AriadneBuilder encoder(TextEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        return this;
    }

    private void checkOnePlanner(String attempted) {
        if (planner != null || plannerModel != null || zeroShot) {
            throw new InvalidInputException("choose one planner: " + attempted + " after "
                    + (planner != null ? "planner(...)" : plannerModel != null ? "plannerModel(" + plannerModel + ")" : "zeroShot()"));
        }
    }

    /** The reasoner; default: {@link PathReasoner} with its tuned threshold. */
    public AriadneBuilder reasoner(Reasoner reasoner) {
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        return this;
    }

    /**
     * Lets a language model write the answer from the retrieved paths (off by default; docs/generation.md):
     * RoG's reasoning prompt, the grounding check, 2 retries. The engine does not close the model.
     */
    public AriadneBuilder generator(ChatModel model) {
        Objects.requireNonNull(model, "model");
        return generator(GeneratingReasoner.builder(model).build());
    }

    /** A configured generator, e.g. a {@link GeneratingReasoner} with its own prompt or retries. */
    public AriadneBuilder generator(AnswerGenerator generator) {
        Objects.requireNonNull(generator, "generator");
        if (this.generator != null) {
            throw new InvalidInputException("choose one generator: generator(...) was already called");
        }
        this.generator = generator;
        return this;
    }

    public AriadneBuilder limits(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /** How many topic entities an unbracketed question may link (default 1; bracketed mentions are all used). */
    public AriadneBuilder maxTopics(int n) {
        if (n < 1 || n > 10) {
            throw new InvalidInputException("maxTopics must be in 1..10: " + n);
        }
        this.maxTopics = n;
        return this;
    }

    private void checkOneGraph(String attempted) {
        if (folder != null || uri != null || graph != null) {
            throw new InvalidInputException("choose one graph: " + attempted + " after "
                    + (folder != null ? "embedded(" + folder + ")" : uri != null ? "uri(...)" : "graph(...)"));
        }
    }

    public Ariadne build() {
        if (planner == null && plannerModel == null && !zeroShot) {
            throw new InvalidInputException("no planner: call plannerModel(file), zeroShot() or planner(...)");
        }
        if (encoder != null && planner != null) {
            throw new InvalidInputException("encoder(...) is only used with plannerModel(...) or zeroShot()");
        }
        if (database != null && uri == null) {
            throw new InvalidInputException("database(" + database + ") applies to a server: set uri(...) too");
        }
        if (mapping != null && (uri != null || graph != null)) {
            throw new InvalidInputException("mapping(...) applies to an embedded database: use embedded(folder)");
        }
        // Load the model file before opening the graph: a bad file then fails fast and opens nothing.
        TrainedPlanner trained;
        try {
            trained = plannerModel == null ? null : TrainedPlanner.load(plannerModel);
        } catch (RuntimeException e) {
            if (graph != null && closeGraph) {
                graph.close();
            }
            throw e;
        }
        List<AutoCloseable> owned = new ArrayList<>();
        KnowledgeGraph g = graph;
        boolean ownsGraph = graph != null && closeGraph;
        try {
            if (g == null) {
                ownsGraph = true;
                if (uri != null) {
                    g = Neo4jKnowledgeGraph.bolt(BoltGraph.connect(uri, database), true);
                } else {
                    EmbeddedGraph embedded = EmbeddedGraph.open(folder == null ? DEFAULT_FOLDER : folder, pageCacheMib);
                    dev.ariadne.core.mapping.GraphMapping m;
                    try {
                        m = dev.ariadne.engine.mapping.Mappings.givenOrDetected(mapping, embedded);
                    } catch (RuntimeException e) {
                        embedded.close();
                        throw e;
                    }
                    g = Neo4jKnowledgeGraph.embedded(embedded, true, m);
                }
            }
            Planner p = planner;
            if (p == null) {
                TextEncoder enc = encoder;
                if (enc == null) {
                    enc = TextEncoders.defaultEncoder();
                    owned.add(enc);
                }
                PathPlanner.Builder pb = PathPlanner.builder().encoder(enc).maxHops(limits.maxHops())
                        .graphRelationTypes(g.schema().relationTypes());
                if (trained != null) {
                    pb.model(trained);
                }
                p = pb.build();
            }
            Reasoner r = reasoner != null ? reasoner : PathReasoner.builder().build();
            return new Ariadne(g, ownsGraph, owned, p, r, limits, maxTopics, generator);
        } catch (RuntimeException e) {
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (ownsGraph && g != null) {
                g.close();
            }
            throw e;
        }
    }
}
