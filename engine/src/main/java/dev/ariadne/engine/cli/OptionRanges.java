package dev.ariadne.engine.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks for numeric options, run by the options' setters while picocli parses, so a bad value is a
 * usage error (exit 2) naming the option as the user typed it, before any database or model is opened.
 */
final class OptionRanges {
    private OptionRanges() {
    }

    static int within(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be in " + min + ".." + max + ": " + value);
        }
        return value;
    }

    static int atLeast(CommandSpec spec, String option, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + min + ": " + value);
        }
        return value;
    }

    static long atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + min + ": " + value);
        }
        return value;
    }

    static double within(CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(spec.commandLine(), option + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }
}
