package dev.ariadne.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryGraphTest {
    // A hand-made film graph: two films by one director, shared actors, one writer-director.
    static final List<Triple> FILMS = List.of(
            new Triple("Harbour Lights", "directed_by", "Ada Quill"),
            new Triple("Harbour Lights", "starred_actors", "Ben Ore"),
            new Triple("Harbour Lights", "starred_actors", "Cleo Vance"),
            new Triple("Harbour Lights", "release_year", "1999"),
            new Triple("Harbour Lights", "written_by", "Ada Quill"),
            new Triple("Night Ferry", "directed_by", "Ada Quill"),
            new Triple("Night Ferry", "starred_actors", "Ben Ore"),
            new Triple("Night Ferry", "release_year", "2003"),
            new Triple("Glass Orchard", "directed_by", "Dov Marsh"),
            new Triple("Glass Orchard", "starred_actors", "Cleo Vance"),
            new Triple("Glass Orchard", "release_year", "2003"),
            new Triple("Glass Orchard", "release_year", "2003")); // duplicate: merged

    static final InMemoryGraph GRAPH = InMemoryGraph.of(FILMS);

    private static Map<String, Long> frontier(String topic, String prefix) {
        Map<String, Long> m = new TreeMap<>();
        for (RelationFrontier f : GRAPH.nextRelations(Entity.named(topic), RelationPath.parse(prefix))) {
            m.put(f.relation().format(), f.frontierSize());
        }
        return m;
    }

    @Test
    void mergesDuplicatesAndCounts() {
        assertEquals(9, GRAPH.entityCount());
        assertEquals(11, GRAPH.relationshipCount());
        assertEquals(3L, GRAPH.relationCounts().get("release_year"));
    }

    @Test
    void topicRelations() {
        assertEquals(Map.of("directed_by", 1L, "release_year", 1L, "starred_actors", 2L, "written_by", 1L),
                frontier("Harbour Lights", ""));
        assertEquals(Map.of("~directed_by", 2L, "~written_by", 1L), frontier("Ada Quill", ""));
    }

    @Test
    void edgeIsNotReusedWithinAPath() {
        // From Night Ferry, directed_by reaches Ada Quill; going back along ~directed_by may not reuse the
        // same edge, so only Harbour Lights is reachable.
        assertEquals(Map.of("~directed_by", 1L, "~written_by", 1L), frontier("Night Ferry", "directed_by"));
        // Glass Orchard's director directed nothing else: the only way back is the edge just used.
        assertEquals(Map.of(), frontier("Glass Orchard", "directed_by"));
        // ...which retrieval agrees with.
        assertTrue(GRAPH.retrieve(Entity.named("Glass Orchard"), RelationPath.parse("directed_by,~directed_by"),
                RetrievalLimits.DEFAULT).isEmpty());
    }

    @Test
    void unknownRelationOrTopicReachesNothing() {
        assertEquals(Map.of(), frontier("Harbour Lights", "produced_by"));
        assertEquals(Map.of(), frontier("Nobody", ""));
    }

    @Test
    void retrievesInKeyOrderAndDropsTopic() {
        RetrievalResult r = GRAPH.retrieve(Entity.named("Ben Ore"), RelationPath.parse("~starred_actors,starred_actors"),
                RetrievalLimits.DEFAULT);
        List<String> rendered = r.paths().stream().map(ReasoningPath::render).collect(Collectors.toList());
        assertEquals(List.of("Ben Ore -> ~starred_actors -> Harbour Lights -> starred_actors -> Cleo Vance"), rendered);
        assertEquals(1, r.pathsFound());
        assertFalse(r.truncated());

        RetrievalResult kept = GRAPH.retrieve(Entity.named("Ben Ore"), RelationPath.parse("~starred_actors,starred_actors"),
                RetrievalLimits.DEFAULT.withKeepTopic(true));
        assertEquals(1, kept.pathsFound(), "the edge back to Ben Ore from each film is the one already used");
    }

    @Test
    void nodesMayRepeatAlongDifferentEdges() {
        // Harbour Lights -directed_by-> Ada Quill <-written_by- Harbour Lights: a different edge, so the
        // path returns to the topic; kept only with keepTopic.
        RelationPath p = RelationPath.parse("directed_by,~written_by");
        assertTrue(GRAPH.retrieve(Entity.named("Harbour Lights"), p, RetrievalLimits.DEFAULT).isEmpty());
        RetrievalResult kept = GRAPH.retrieve(Entity.named("Harbour Lights"), p, RetrievalLimits.DEFAULT.withKeepTopic(true));
        assertEquals(1, kept.paths().size());
        assertEquals("Harbour Lights", kept.paths().get(0).end().key());
    }

    @Test
    void threeHopsWithCapsAndCounts() {
        RelationPath p = RelationPath.parse("directed_by,~directed_by,release_year");
        RetrievalResult r = GRAPH.retrieve(Entity.named("Night Ferry"), p, RetrievalLimits.DEFAULT);
        assertEquals(List.of("1999"), r.paths().stream().map(x -> x.end().key()).collect(Collectors.toList()));

        RetrievalResult all = GRAPH.retrieve(Entity.named("1999"), RelationPath.parse("~release_year,starred_actors"),
                RetrievalLimits.DEFAULT.withMaxPaths(1));
        assertEquals(2, all.pathsFound());
        assertEquals(1, all.paths().size());
        assertTrue(all.truncated());
        assertEquals("Ben Ore", all.paths().get(0).end().key());

        RetrievalResult capped = GRAPH.retrieve(Entity.named("2003"), RelationPath.parse("~release_year,starred_actors"),
                RetrievalLimits.DEFAULT.withMaxFrontierPerHop(1));
        assertEquals(1, capped.frontierCut());
        assertTrue(capped.truncated());
        // only the first film by key (Glass Orchard) was expanded
        assertEquals(List.of("Cleo Vance"), capped.paths().stream().map(x -> x.end().key()).collect(Collectors.toList()));
    }

    @Test
    void directedRelationsListsBothDirections() {
        assertEquals(8, GRAPH.directedRelations().size());
        assertTrue(GRAPH.directedRelations().contains(DirectedRelation.parse("~written_by")));
    }

    @Test
    void readsPipeFilesAndReportsBadLines(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("kb.txt");
        Files.writeString(ok, "A|r|B\n\nB|s|C\n");
        assertEquals(2, InMemoryGraph.readPipeSeparated(ok).relationshipCount());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "A|r|B\nA|r\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InMemoryGraph.readPipeSeparated(bad));
        assertTrue(e.getMessage().contains("bad.txt:2"), e.getMessage());
    }
}
