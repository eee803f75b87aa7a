package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.report.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Collects {@link RunInfo}: the git commit of the working directory, the JVM and the machine. */
final class Provenance {
    private Provenance() {
    }

    static RunInfo collect(String commandLine, long seed, Instant startedAt) {
        String commit = git("rev-parse", "HEAD");
        String status = commit.equals("unknown") ? "" : git("status", "--porcelain", "--untracked-files=no");
        Runtime rt = Runtime.getRuntime();
        return new RunInfo(commit, !status.isBlank() && !status.equals("unknown"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                rt.availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                rt.maxMemory(), startedAt, commandLine, seed);
    }

    /** Output of a git command in the working directory, or "unknown" when git or the checkout is missing. */
    private static String git(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
