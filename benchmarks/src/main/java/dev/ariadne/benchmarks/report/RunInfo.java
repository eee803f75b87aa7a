package dev.ariadne.benchmarks.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and how a run happened, so a figure can be traced back to code, machine and settings.
 *
 * @param gitCommit HEAD of the working tree the run started in, or "unknown" outside a git checkout
 * @param gitDirty whether that tree had uncommitted changes
 */
public record RunInfo(String gitCommit, boolean gitDirty, String javaVersion, String jvm, int cores, String os,
                      long maxHeapBytes, Instant startedAt, String commandLine, long seed) {
    public RunInfo {
        Objects.requireNonNull(gitCommit, "gitCommit");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(commandLine, "commandLine");
    }
}
