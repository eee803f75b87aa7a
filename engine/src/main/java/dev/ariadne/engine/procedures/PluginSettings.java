package dev.ariadne.engine.procedures;

import dev.ariadne.core.error.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the plugin finds its trained planner. Neo4j 5 accepts settings in {@code neo4j.conf} only under
 * its own namespaces, so the plugin reads a JVM system property (set in neo4j.conf as
 * {@code server.jvm.additional=-Dariadne.planner_model=/path/planner.ariadne}) or, failing that, the
 * environment variable {@code ARIADNE_PLANNER_MODEL}. Neither set: the planner runs zero-shot.
 */
final class PluginSettings {
    static final String PROPERTY = "ariadne.planner_model";
    static final String ENVIRONMENT = "ARIADNE_PLANNER_MODEL";

    private PluginSettings() {
    }

    /** The configured planner file, or null for zero-shot; a configured file that is missing is an error. */
    static Path plannerModel() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENVIRONMENT);
        }
        if (v == null || v.isBlank()) {
            return null;
        }
        Path p = Path.of(v.strip());
        if (!Files.isRegularFile(p)) {
            throw new ModelException("Ariadne planner file " + p.toAbsolutePath() + " (from -D" + PROPERTY + " or "
                    + ENVIRONMENT + ") does not exist");
        }
        return p;
    }
}
