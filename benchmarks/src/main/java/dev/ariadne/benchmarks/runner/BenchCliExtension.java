package dev.ariadne.benchmarks.runner;

import dev.ariadne.engine.cli.CliExtension;

/** Adds {@code ariadne bench} to the {@code ariadne} CLI (registered in META-INF/services). */
public final class BenchCliExtension implements CliExtension {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Object command() {
        return new BenchCommand();
    }
}
