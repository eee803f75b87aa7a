package dev.ariadne.engine.procedures;

import dev.ariadne.core.error.ModelException;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.link.EntityQueries;
import dev.ariadne.cypher.mapping.MappingCheck;
import dev.ariadne.cypher.mapping.MappingProposal;
import dev.ariadne.engine.mapping.MappingFile;
import dev.ariadne.models.encoder.TextEncoders;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.cypher.schema.EmbeddedSchemaReader;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.engine.link.NameIndex;
import dev.ariadne.models.encoder.TextEncoder;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.reasoner.PathReasoner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.ariadne.cypher.retrieve.ReadCache;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Ariadne's state for one database, shared by every procedure call on it: the schema cache, the
 * linker's name index, the encoder, the planner and the reasoner. Created empty when the database
 * starts; the models are loaded on the first call that needs them (so a database that never calls
 * Ariadne pays nothing) and released when the database stops. Thread-safe.
 */
public final class AriadneDatabase extends LifecycleAdapter {

    private final GraphDatabaseService db;
    private final Path modelFile;
    private final Path mappingFile;
    private GraphMapping mapping;
    private EntityQueries queries;
    /** Under a mapping: the value indexes of list attributes, kept between calls until a commit. */
    private ReadCache mappedCache;
    private SchemaCache schema;
    private TextEncoder encoder;
    private PathPlanner planner;
    private PathReasoner reasoner;
    private NameIndex index;
    private long indexedEntities = -1;
    private boolean stopped;

    AriadneDatabase(GraphDatabaseService db, Path modelFile) {
        this(db, modelFile, null);
    }

    /** @param mappingFile the mapping to read this database through, or null to detect it */
    AriadneDatabase(GraphDatabaseService db, Path modelFile, Path mappingFile) {
        this.db = db;
        this.modelFile = modelFile;
        this.mappingFile = mappingFile;
    }

    /** What one call uses; immutable. */
    record Models(SchemaCache schema, ReadCache readCache, NameIndex index, PathPlanner planner, PathReasoner reasoner,
                  boolean zeroShot, GraphMapping mapping, EntityQueries queries) {
    }

    /** The models, loading them on first use; the name index is rebuilt when the entity count changed. */
    synchronized Models models(Transaction tx) {
        if (stopped) {
            throw new IllegalStateException("the database is stopping; Ariadne's models were released");
        }
        if (mapping == null) {
            // read, detected and checked once: a bad mapping fails the first call with its one-line reason
            GraphMapping m = mappingFile != null ? MappingFile.read(mappingFile) : MappingProposal.detect(tx);
            MappingCheck.check(tx, m);
            mapping = m;
            queries = EntityQueries.of(m, m.isAriadneLayout() || hasMappedNameIndex(tx));
        }
        if (schema == null) {
            schema = new SchemaCache(new EmbeddedSchemaReader(db, mapping));
        }
        long count = count(tx);
        if (index == null || count != indexedEntities) {
            index = NameIndex.build(entities(tx, queries));
            indexedEntities = count;
            schema.refresh();
        }
        if (planner == null) {
            TrainedPlanner trained = modelFile == null ? null : TrainedPlanner.load(modelFile);
            // Inside the database the cores belong to its queries too: no busy-waiting encoder threads.
            encoder = TextEncoders.builder().spinWait(false).build();
            PathPlanner.Builder b = PathPlanner.builder().encoder(encoder);
            if (trained != null) {
                b.model(trained);
            }
            if (trained != null) {
                requireSharedVocabulary(trained, schema.get().relationTypes());
            }
            planner = b.build();
            reasoner = PathReasoner.builder().build();
        }
        if (mappedCache == null && !mapping.isAriadneLayout()) {
            mappedCache = ReadCache.unshared(db);
        }
        return new Models(schema, mapping.isAriadneLayout() ? ReadCache.of(db) : mappedCache, index, planner, reasoner,
                modelFile == null, mapping, queries);
    }

    /** How many nodes carry a mapped label (from the count store): a change means the name index is stale. */
    private long count(Transaction tx) {
        long n = 0;
        for (dev.ariadne.core.mapping.EntityLabel l : mapping.labels()) {
            // the label exists (checked) and is quoted
            try (Result r = tx.execute("MATCH (e:" + dev.ariadne.connect.GraphModel.quote(l.label()) + ") RETURN count(e) AS n")) {
                n += ((Number) r.next().get("n")).longValue();
            }
        }
        return n;
    }

    private static List<Entity> entities(Transaction tx, EntityQueries queries) {
        List<Entity> out = new ArrayList<>();
        try (Result r = tx.execute(queries.allEntities())) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                Object key = row.get("key");
                if (key != null && !key.toString().isEmpty()) {
                    out.add(new Entity(key.toString(), CypherEntityLookup.text(row.get("name"))));
                }
            }
        }
        return out;
    }

    private static boolean hasMappedNameIndex(Transaction tx) {
        try {
            return tx.schema().getIndexByName(EntityQueries.MAPPED_FULLTEXT_INDEX) != null;
        } catch (IllegalArgumentException none) {
            return false;
        }
    }

    /**
     * A planner trained on another graph (no relation type in common with this one, as read through the mapping)
     * would plan nothing here: say so instead of answering nothing.
     */
    static void requireSharedVocabulary(TrainedPlanner trained, java.util.Set<String> graphTypes) {
        java.util.Set<String> shared = new java.util.TreeSet<>(trained.manifest().relationVocabulary());
        shared.retainAll(graphTypes);
        if (shared.isEmpty() && !graphTypes.isEmpty()) {
            throw new ModelException("the planner (trained on relation types " + trained.manifest().relationVocabulary()
                    .stream().limit(5).toList() + "...) shares no relation type with this graph as its mapping reads it "
                    + graphTypes.stream().limit(5).toList() + "...: train one on this graph ('ariadne train --mapping "
                    + "FILE --from-graph'), or point -D" + PluginSettings.MAPPING_PROPERTY + " at the mapping it was trained with");
        }
    }

    /** The database is stopping: release the encoder's native memory. */
    @Override
    public synchronized void shutdown() {
        stopped = true;
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        planner = null;
        index = null;
    }
}
