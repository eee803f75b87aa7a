package dev.ariadne.loader;

import java.util.concurrent.locks.LockSupport;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;

/**
 * Waits until the loader's constraint and indexes are online. Neo4j's {@code Schema.awaitIndexesOnline} (5.26) polls every
 * 100 ms; a fresh load's indexes take a few hundred milliseconds, so that interval alone could add a
 * third to the wait. This polls every 10 ms instead, and fails at once on a failed population (the
 * caller names the failure).
 */
final class SchemaWait {
    private static final long POLL_NANOS = 10_000_000;

    private SchemaWait() {
    }

    static void untilOnline(GraphDatabaseService db, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            String pending = null;
            try (Transaction tx = db.beginTx()) {
                Schema schema = tx.schema();
                for (IndexDefinition index : schema.getIndexes()) {
                    if (!SchemaRepair.ENTITY_INDEXES.contains(index.getName())) {
                        continue; // the user's own indexes are not the loader's to wait for or judge
                    }
                    Schema.IndexState state = schema.getIndexState(index);
                    if (state == Schema.IndexState.FAILED) {
                        throw new IllegalStateException("index " + index.getName() + " failed to populate: "
                                + SchemaRepair.firstLine(schema.getIndexFailure(index)));
                    }
                    if (state != Schema.IndexState.ONLINE) {
                        pending = index.getName();
                    }
                }
            }
            if (pending == null) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("index " + pending + " is still not online after "
                        + timeoutNanos / 1_000_000_000 + " s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
