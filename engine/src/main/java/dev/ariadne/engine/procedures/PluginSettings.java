package dev.ariadne.engine.procedures;

import dev.ariadne.core.error.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the plugin finds its trained planner and its graph mapping ({@code -Dariadne.mapping}, else detected). Neo4j 5 accepts settings in {@code neo4j.conf} only under
 * its own namespaces, so the plugin reads a JVM system property (set in neo4j.conf as
 * {@code server.jvm.additional=-Dariadne.planner_model=/path/planner.ariadne}) or, failing that, the
 * environment variable {@code ARIADNE_PLANNER_MODEL}. Neither set: the planner runs zero-shot.
 */
final class PluginSettings {
    static final String PROPERTY = "ariadne.planner_model";
    static final String ENVIRONMENT = "ARIADNE_PLANNER_MODEL";
    /** The graph mapping file ({@code -Dariadne.mapping=/path/map.json}); unset: detected from each database. */
    static final String MAPPING_PROPERTY = "ariadne.mapping";
    static final String MAPPING_ENVIRONMENT = "ARIADNE_MAPPING";

    private PluginSettings() {
    }

    /** The configured planner file, or null for zero-shot; a configured file that is missing is an error. */
    static Path plannerModel() {
        return file(PROPERTY, ENVIRONMENT, "planner");
    }

    /** The configured mapping file, or null to detect the mapping from the database. */
    static Path mappingFile() {
        return file(MAPPING_PROPERTY, MAPPING_ENVIRONMENT, "mapping");
    }

    private static Path file(String property, String environment, String what) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(environment);
        }
        if (v == null || v.isBlank()) {
            return null;
        }
        Path p = Path.of(v.strip());
        if (!Files.isRegularFile(p)) {
            throw new ModelException("Ariadne " + what + " file " + p.toAbsolutePath() + " (from -D" + property + " or "
                    + environment + ") does not exist");
        }
        return p;
    }
}
