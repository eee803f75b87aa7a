package dev.ariadne.engine.cli;

import dev.ariadne.core.error.AriadneException;
import dev.ariadne.core.text.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ariadne} command. Subcommands are listed below, one line each; other modules add theirs
 * through {@link CliExtension}. Errors are one line on stderr with exit code 2 for a usage mistake and 1
 * for a failure; {@code --verbose} adds the stack trace.
 */
@Command(name = "ariadne", mixinStandardHelpOptions = true, versionProvider = AriadneCli.Version.class,
        description = "Faithful multi-hop question answering over a knowledge graph in Neo4j.",
        subcommands = {
            LoadCommand.class,
            StatsCommand.class,
            InspectCommand.class,
            IndexCommand.class,
            QuickstartCommand.class,
            AskCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class AriadneCli implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    private boolean verbose;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command line with its subcommands, extensions and error handling, ready to {@code execute}. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new AriadneCli());
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            if (cl.getSubcommands().containsKey(extension.name())) {
                throw new IllegalStateException("two subcommands named '" + extension.name() + "'");
            }
            cl.addSubcommand(extension.name(), extension.command());
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(AriadneCli::failure);
        cl.setParameterExceptionHandler(AriadneCli::usageError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int failure(Exception e, CommandLine cl, ParseResult parsed) {
        if (e instanceof ParameterException pe) {
            return usageError(pe, new String[0]);
        }
        PrintWriter err = cl.getErr();
        // Messages echo file names, questions and graph data: escaped so they cannot drive the terminal.
        String message = TerminalText.escape(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof AriadneException) {
            err.println("ariadne: " + message);
        } else {
            err.println("ariadne: unexpected error: " + e.getClass().getName() + ": " + message
                    + (verbose(parsed) ? "" : " (run with --verbose for details)"));
        }
        if (verbose(parsed)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            // The frames' leading tab is the trace's own layout; the rest of a line may echo user data.
            trace.toString().lines().forEach(line -> err.println(line.startsWith("\t")
                    ? "\t" + TerminalText.escape(line.substring(1)) : TerminalText.escape(line)));
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("ariadne: " + TerminalText.escape(e.getMessage()) + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (CommandLine c : parsed.asCommandLineList()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AriadneCli.class.getPackage().getImplementationVersion();
            return new String[] {"ariadne " + (v == null ? "development" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
