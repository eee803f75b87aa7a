package dev.ariadne.benchmarks.runner;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Score over a database as it is ({@code --existing-graph}): nothing is loaded, the graph is read through
 * {@code mapping} (else the mapping detected from the database), and answers are matched with the gold
 * answers by display name, since a graph keyed by its own properties or element ids does not use the
 * dataset's names as keys (a literal value's name is its text: {@code 1999} matches {@code released: 1999}).
 */
public record ExistingGraph(Optional<Path> mapping) {
}
