package dev.ariadne.engine.procedures;

import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Registers {@link AriadneDatabase} as an injectable procedure component once per DBMS. It must be a
 * global extension: a server compiles plugin procedures (and checks their {@code @Context} fields)
 * before any database, and so any database extension, has started. The provider finds the state of
 * the database a call runs in, which {@link AriadneExtensionFactory} put in that database's dependencies.
 */
public final class AriadneComponentFactory extends ExtensionFactory<AriadneComponentFactory.Dependencies> {
    /** What the extension needs from the DBMS. */
    public interface Dependencies {
        GlobalProcedures globalProceduresRegistry();
    }

    public AriadneComponentFactory() {
        super(ExtensionType.GLOBAL, "ariadne-components");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        dependencies.globalProceduresRegistry().registerComponent(AriadneDatabase.class,
                ctx -> ctx.graphDatabaseAPI().getDependencyResolver().resolveDependency(AriadneDatabase.class), true);
        return new LifecycleAdapter();
    }
}
