package dev.ariadne.engine.mapping;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.MappingProposal;

/** Where a command's mapping comes from: the file the user gave, else detection from the database. */
public final class Mappings {
    private Mappings() {
    }

    /**
     * {@code given} (read from a file), else the mapping detected from {@code graph}: Ariadne's own layout for a
     * store it loaded, else the proposal {@code ariadne inspect} shows. Not yet checked against the database.
     */
    public static GraphMapping givenOrDetected(GraphMapping given, EmbeddedGraph graph) {
        return given != null ? given : MappingProposal.detect(graph.database());
    }
}
