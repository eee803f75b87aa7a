package dev.ariadne.engine.cli;

/**
 * A subcommand contributed by another module (the benchmarks add {@code bench} this way). Listed in
 * {@code META-INF/services/dev.ariadne.engine.cli.CliExtension}; found with {@link java.util.ServiceLoader}.
 */
public interface CliExtension {
    /** The subcommand's name, e.g. {@code bench}. */
    String name();

    /** A picocli command object (an instance of a class annotated with {@code @Command}). */
    Object command();
}
