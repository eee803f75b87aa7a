package dev.ariadne.engine.procedures;

import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;

/**
 * Creates one {@link AriadneDatabase} per database when the database starts, where the procedures'
 * {@code @Context public AriadneDatabase ariadne} finds it (see {@link AriadneComponentFactory}). Registered in
 * {@code META-INF/services/org.neo4j.kernel.extension.ExtensionFactory}. The state is a lifecycle of
 * the database: its models are released when the database stops.
 */
public final class AriadneExtensionFactory extends ExtensionFactory<AriadneExtensionFactory.Dependencies> {
    /** What the extension needs from the database; Neo4j supplies these by method name and type. */
    public interface Dependencies {
        GraphDatabaseAPI graphdatabaseAPI();
    }

    public AriadneExtensionFactory() {
        super(ExtensionType.DATABASE, "ariadne");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        AriadneDatabase state = new AriadneDatabase(dependencies.graphdatabaseAPI(), PluginSettings.plannerModel(),
                PluginSettings.mappingFile());
        // Found by the component provider that AriadneComponentFactory registers for all databases.
        context.dependencySatisfier().satisfyDependency(state);
        return state;
    }
}
