package dev.ariadne.cypher.procedures;

import dev.ariadne.core.error.GraphUnavailableException;
import java.util.Objects;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Registers procedures on an embedded database (on a server they come from the plugin jar in
 * {@code plugins/}; on a Harness use {@code withProcedure}).
 */
public final class ProcedureRegistration {
    private ProcedureRegistration() {
    }

    /** Makes {@code CALL ariadne.expand(...)} available on this embedded database. */
    public static void registerExpand(GraphDatabaseService db) {
        register(db, ExpandProcedure.class);
    }

    /** Registers a class of {@code @Procedure}s through the database's {@link GlobalProcedures}. */
    public static void register(GraphDatabaseService db, Class<?> procedures) {
        Objects.requireNonNull(db, "db");
        GlobalProcedures global = ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
        try {
            global.registerProcedure(procedures);
        } catch (ProcedureException e) {
            throw new GraphUnavailableException("cannot register " + procedures.getName() + ": " + e.getMessage(), e);
        }
    }
}
