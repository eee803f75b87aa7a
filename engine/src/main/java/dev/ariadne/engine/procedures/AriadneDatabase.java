package dev.ariadne.engine.procedures;

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
    private static final String COUNT_ENTITIES = "MATCH (e:Entity) RETURN count(e) AS n";

    private final GraphDatabaseService db;
    private final Path modelFile;
    private SchemaCache schema;
    private TextEncoder encoder;
    private PathPlanner planner;
    private PathReasoner reasoner;
    private NameIndex index;
    private long indexedEntities = -1;
    private boolean stopped;

    AriadneDatabase(GraphDatabaseService db, Path modelFile) {
        this.db = db;
        this.modelFile = modelFile;
    }

    /** What one call uses; immutable. */
    record Models(SchemaCache schema, ReadCache readCache, NameIndex index, PathPlanner planner, PathReasoner reasoner, boolean zeroShot) {
    }

    /** The models, loading them on first use; the name index is rebuilt when the entity count changed. */
    synchronized Models models(Transaction tx) {
        if (stopped) {
            throw new IllegalStateException("the database is stopping; Ariadne's models were released");
        }
        if (schema == null) {
            schema = new SchemaCache(new EmbeddedSchemaReader(db));
        }
        long count = count(tx);
        if (index == null || count != indexedEntities) {
            index = NameIndex.build(entities(tx));
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
            planner = b.build();
            reasoner = PathReasoner.builder().build();
        }
        return new Models(schema, ReadCache.of(db), index, planner, reasoner, modelFile == null);
    }

    private static long count(Transaction tx) {
        try (Result r = tx.execute(COUNT_ENTITIES)) {
            return ((Number) r.next().get("n")).longValue();
        }
    }

    private static List<Entity> entities(Transaction tx) {
        List<Entity> out = new ArrayList<>();
        try (Result r = tx.execute(dev.ariadne.cypher.link.EntityQueries.ariadneLayout().allEntities())) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                Object key = row.get("key");
                if (key != null) {
                    Object name = row.get("name");
                    out.add(new Entity(key.toString(), name == null ? null : name.toString()));
                }
            }
        }
        return out;
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
