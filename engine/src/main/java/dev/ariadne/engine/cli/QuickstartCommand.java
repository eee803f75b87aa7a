package dev.ariadne.engine.cli;

import dev.ariadne.engine.quickstart.Quickstart;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ariadne quickstart}: the example graph, a planner trained on it, and answered questions with traces. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Load a small example knowledge graph of invented films into an embedded database, train the",
            "planner on example questions, and answer 1-, 2- and 3-hop questions with their traces.",
            "Needs no server and no downloads. Its database and planner go to --dir, apart from ./ariadne-data."})
final class QuickstartCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Database folder for the example (default: ./ariadne-data/quickstart).")
    private Path dir = Quickstart.DEFAULT_FOLDER;

    @Option(names = "--from-graph", description = "Train the planner on questions written from the example graph alone, not its templates.")
    private boolean fromGraph;

    @Option(names = "--no-trace", description = "Print only the answers, not their traces.")
    private boolean noTrace;

    @Override
    public Integer call() {
        Quickstart.Result r = Quickstart.run(dir, spec.commandLine().getOut(), !noTrace, fromGraph);
        return r.correct() == r.questions().size() ? 0 : AriadneCli.EXIT_FAILURE;
    }
}
