package dev.ariadne.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of the files and texts a command was given, made before it opens a database or loads a model:
 * a mistake then costs no startup time and leaves nothing behind (no empty database folder).
 */
final class InputChecks {
    private InputChecks() {
    }

    static void requireText(CommandSpec spec, String label, String text) {
        if (text == null || text.isBlank()) {
            throw new ParameterException(spec.commandLine(), label + " is empty");
        }
    }

    static void requireReadableFile(CommandSpec spec, String label, Path file) {
        if (!Files.exists(file)) {
            throw new ParameterException(spec.commandLine(), label + " " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), label + " " + file + " is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), label + " " + file + " is not readable");
        }
    }

    /**
     * {@code file} can be written later: it is not a folder, and its nearest existing ancestor is a
     * writable folder (missing folders between are created only when the file is written).
     */
    static void requireWritableTarget(CommandSpec spec, String option, Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is a folder, not a file");
        }
        Path ancestor = target.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": cannot create its folder, "
                    + (ancestor == null ? "no existing parent" : ancestor + " is not a folder"));
        }
        if (!Files.isWritable(ancestor)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": folder " + ancestor + " is not writable");
        }
    }
}
