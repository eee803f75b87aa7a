package dev.ariadne.benchmarks.report;

/**
 * The embedded database a run answered from.
 *
 * @param reused true when the database already held this knowledge base (same SHA-256), so nothing was loaded
 * @param loadSeconds wall time of loading (0 when reused)
 */
public record GraphInfo(String directory, String kbSha256, long triples, boolean reused, double loadSeconds) {
}
