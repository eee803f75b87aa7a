package dev.ariadne.engine.procedures;

import static org.neo4j.configuration.SettingImpl.newBuilder;
import static org.neo4j.configuration.SettingValueParsers.PATH;

import java.nio.file.Path;
import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/** The plugin's settings in {@code neo4j.conf}. */
public class AriadneSettings implements SettingsDeclaration {
    @Description("Trained Ariadne planner file (from 'ariadne train') used by ariadne.ask and ariadne.plan; "
            + "when unset, the planner runs zero-shot.")
    public static final Setting<Path> planner_model = newBuilder("ariadne.planner_model", PATH, null).build();
}
