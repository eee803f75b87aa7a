package dev.ariadne.cypher.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.ReasoningPath;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.GraphAccess;
import dev.ariadne.cypher.Neo4jGraphAccess;
import dev.ariadne.cypher.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.graphdb.Transaction;

/** Inspection, the proposed mapping, the checks on a bad mapping, and reads through a mapping, on {@link MoviesGraph}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphMappingTest {
    private Path dir;
    private EmbeddedGraph graph;
    private GraphMapping proposed;
    private GraphAccess access;

    @BeforeAll
    void open() {
        dir = TestServers.tempDir("ariadne-movies");
        graph = EmbeddedGraph.open(dir, 64);
        MoviesGraph.create(graph.database());
        proposed = MappingProposal.detect(graph.database());
        access = Neo4jGraphAccess.embedded(graph, proposed);
    }

    @AfterAll
    void close() {
        graph.close();
        TestServers.delete(dir);
    }

    @Test
    void inspectionSeesLabelsPropertiesConstraintsAndSignatures() {
        GraphInspection seen = GraphInspector.inspect(graph.database());
        assertEquals(List.of("Person", "Movie", "Director", "Genre", "Award", "ImportLog"),
                seen.labels().stream().map(GraphInspection.LabelInfo::name).toList());
        GraphInspection.LabelInfo movie = seen.label("Movie").orElseThrow();
        assertEquals(4, movie.nodes());
        assertEquals(List.of("LIST<STRING>"), movie.properties().get("languages").kinds());
        assertEquals(List.of("DATE"), movie.properties().get("premiere").kinds());
        assertEquals(List.of("INTEGER"), movie.properties().get("released").kinds());
        assertEquals(List.of("name"), seen.label("Person").orElseThrow().uniqueKeys());
        assertEquals(Map.of("Director:Person->Movie", 3L), seen.relationships().get("DIRECTED").signatures());
        assertEquals(7, seen.relationships().get("ACTED_IN").count());
        assertTrue(seen.fullTextIndexes().isEmpty());
    }

    @Test
    void proposesKeysNamesAndAliasesFromTheData() {
        assertEquals(GraphMapping.builder()
                .label(EntityLabel.of("Person", "name", List.of("name"), List.of("aliases"))
                        .withAttributes(List.of(Attribute.of("born"))))
                .label(EntityLabel.of("Movie", null, List.of("title"), List.of()).withAttributes(List.of(
                        Attribute.of("released"), new Attribute("languages", "languages", true), Attribute.of("premiere"),
                        Attribute.of("tagline"))))
                .label(EntityLabel.of("Director", null, List.of("name"), List.of()).withAttributes(List.of(Attribute.of("born"))))
                .label(EntityLabel.of("Genre", null, List.of("name"), List.of()))
                .label(EntityLabel.of("Award", null, List.of(), List.of())
                        .withAttributes(List.of(Attribute.of("category"), Attribute.of("year"))))
                .label(EntityLabel.of("ImportLog", null, List.of(), List.of())
                        .withAttributes(List.of(Attribute.of("at"), Attribute.of("file"))))
                .build(), proposed);
        assertFalse(proposed.isAriadneLayout());
    }

    @Test
    void retrievesThroughTheMappingWithNamesAndElementIds() {
        Entity keanu = access.lookup().byKey("Keanu Reeves").orElseThrow();
        assertEquals(new Entity("Keanu Reeves", "Keanu Reeves"), keanu);
        var films = access.retriever().retrieve(keanu, RelationPath.parse("ACTED_IN"), RetrievalLimits.DEFAULT);
        assertEquals(Set.of("The Devil's Advocate", "The Matrix", "The Matrix Reloaded", "The Replacements"), names(films.paths()));
        var directors = access.retriever().retrieve(keanu, RelationPath.parse("ACTED_IN,~DIRECTED"), RetrievalLimits.DEFAULT);
        assertEquals(Set.of("Lana Wachowski", "Taylor Hackford"), names(directors.paths()));
        // a movie has no key property: its key is its element id, which finds it again
        Entity matrix = access.lookup().byName("The Matrix", false).get(0);
        assertTrue(matrix.key().contains(":"), matrix.key());
        assertEquals(matrix, access.lookup().byKey(matrix.key()).orElseThrow());
        var cast = access.retriever().retrieve(matrix, RelationPath.parse("~ACTED_IN"), RetrievalLimits.DEFAULT);
        assertEquals(Set.of("Carrie-Anne Moss", "Keanu Reeves", "Laurence Fishburne"), names(cast.paths()));
        // the alias is a name linking may match, never shown
        assertEquals(List.of(keanu), access.lookup().byName("Keanu", false));
        // an award has no name property: it is shown by its key
        var award = access.retriever().retrieve(matrix, RelationPath.parse("WON"), RetrievalLimits.DEFAULT);
        assertEquals(award.paths().get(0).end().key(), award.paths().get(0).end().name());
        assertThrows(EntityNotFoundException.class, () -> access.retriever().retrieve(new Entity("Nobody", "Nobody"),
                RelationPath.parse("ACTED_IN"), RetrievalLimits.DEFAULT));
    }

    @Test
    void attributesAnswerInBothDirectionsAsLiterals() {
        Entity matrix = access.lookup().byName("The Matrix", false).get(0);
        var released = access.retriever().retrieve(matrix, RelationPath.parse("released"), RetrievalLimits.DEFAULT);
        assertEquals(List.of(new Entity("=1999", "1999")), released.paths().stream().map(ReasoningPath::end).toList());
        // back from a value: through the (scalar) property, integer or text alike
        var same = access.retriever().retrieve(new Entity("=2003", "2003"), RelationPath.parse("~released"), RetrievalLimits.DEFAULT);
        assertEquals(Set.of("The Matrix Reloaded", "The Replacements"), names(same.paths()));
        // a list attribute gives one value per element, and back from one element finds the lists holding it
        var languages = access.retriever().retrieve(new Entity("=French", "French"), RelationPath.parse("~languages"),
                RetrievalLimits.DEFAULT);
        assertEquals(Set.of("The Matrix Reloaded"), names(languages.paths()));
        var premiere = access.retriever().retrieve(matrix, RelationPath.parse("premiere"), RetrievalLimits.DEFAULT);
        assertEquals("=1999-03-31", premiere.paths().get(0).end().key());
        // composed with relationships: the years of Keanu Reeves's films, and who else acted in films of 2003
        var years = access.retriever().retrieve(new Entity("Keanu Reeves", "Keanu Reeves"), RelationPath.parse("ACTED_IN,released"),
                RetrievalLimits.DEFAULT);
        assertEquals(Set.of("1997", "1999", "2003"), names(years.paths()));
        var cast2003 = access.retriever().retrieve(new Entity("=2003", "2003"), RelationPath.parse("~released,~ACTED_IN"),
                RetrievalLimits.DEFAULT);
        assertEquals(Set.of("Carrie-Anne Moss", "Keanu Reeves"), names(cast2003.paths()));
        assertTrue(access.constraint().nextRelationTypes(matrix, RelationPath.EMPTY)
                .containsAll(List.of(DirectedRelation.forward("released"), DirectedRelation.forward("languages"))));
        assertEquals(List.of(DirectedRelation.backward("released")),
                access.constraint().nextRelationTypes(new Entity("=1997", "1997"), RelationPath.EMPTY));
        GraphSchema schema = access.refreshSchema();
        assertEquals(4L, schema.relationCounts().get("released"));
        assertEquals(3L, schema.relationCounts().get("languages"));
        assertTrue(schema.canFollow(DirectedRelation.forward("released"), DirectedRelation.backward("released")));
        assertTrue(schema.canFollow(DirectedRelation.forward("ACTED_IN"), DirectedRelation.forward("released")));
        assertTrue(access.entities().contains(new Entity("=1999", "1999")));
        assertTrue(access.triples().contains(new dev.ariadne.core.graph.Triple("Keanu Reeves", "born", "=1964")));
    }

    /** Seeded: every path of up to three hops, relationships and attributes mixed, agrees with an in-memory copy of the triples. */
    @Test
    void kernelRetrievalAgreesWithTheTriplesItLists() {
        long seed = Long.getLong("ariadne.seed", System.nanoTime());
        java.util.Random rnd = new java.util.Random(seed);
        var copy = dev.ariadne.core.memory.InMemoryGraph.of(access.triples());
        List<Entity> entities = access.entities();
        List<DirectedRelation> relations = List.copyOf(access.refreshSchema().directedRelations());
        for (int q = 0; q < 300; q++) {
            Entity topic = entities.get(rnd.nextInt(entities.size()));
            List<DirectedRelation> hops = new java.util.ArrayList<>();
            for (int h = 0, n = 1 + rnd.nextInt(3); h < n; h++) {
                hops.add(relations.get(rnd.nextInt(relations.size())));
            }
            RelationPath path = new RelationPath(hops);
            String what = topic + " " + path + " (replay with -Dariadne.seed=" + seed + ")";
            if (!copy.contains(topic.key())) {
                continue;       // an entity with no triple at all
            }
            assertEquals(ends(copy.retrieve(topic, path, RetrievalLimits.DEFAULT).paths()),
                    ends(access.retriever().retrieve(topic, path, RetrievalLimits.DEFAULT).paths()), what);
            assertEquals(copy.nextRelationTypes(topic, path), access.constraint().nextRelationTypes(topic, path), what);
        }
    }

    private static List<List<String>> ends(List<ReasoningPath> paths) {
        return paths.stream().map(p -> p.entities().stream().map(Entity::key).toList()).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void theSchemaAndThePlanningConstraintSeeOnlyTheMappedGraph() {
        GraphMapping withoutImports = GraphMapping.builder().label(EntityLabel.of("Person", "name", List.of("name"), List.of()))
                .label(EntityLabel.of("Movie", null, List.of("title"), List.of()))
                .label(EntityLabel.of("Genre", null, List.of("name"), List.of())).exclude(List.of("WON")).build();
        GraphAccess narrow = Neo4jGraphAccess.embedded(graph, withoutImports);
        GraphSchema schema = narrow.schema();
        assertEquals(11, schema.entityCount());
        assertEquals(Set.of("ACTED_IN", "DIRECTED", "IMPORTED", "IN_GENRE"), schema.relationTypes());
        Entity matrix = narrow.lookup().byName("The Matrix", false).get(0);
        // IMPORTED leads to an ImportLog, which is not an entity here; WON is excluded
        assertEquals(List.of(DirectedRelation.backward("ACTED_IN"), DirectedRelation.backward("DIRECTED"),
                        DirectedRelation.forward("IN_GENRE")),
                narrow.constraint().nextRelationTypes(matrix, RelationPath.EMPTY));
        assertTrue(narrow.retriever().retrieve(matrix, RelationPath.parse("~IMPORTED"), RetrievalLimits.DEFAULT).paths().isEmpty());
        assertEquals(11, narrow.entities().size());
        assertEquals(13, narrow.triples().size());
    }

    @Test
    void badMappingsFailBeforeAnyQueryWithOneClearLine() {
        assertRefused("unknown label 'Movi' (did you mean Movie", () -> GraphMapping.builder()
                .label(EntityLabel.of("Movi", null, List.of("title"), List.of())).build());
        assertRefused("no node labelled Movie has a property 'name' (did you mean", () -> GraphMapping.builder()
                .label(EntityLabel.of("Movie", null, List.of("name"), List.of())).build());
        assertRefused("unknown relationship type 'ACTS_IN' (did you mean ACTED_IN", () -> GraphMapping.builder()
                .label(EntityLabel.of("Movie", null, List.of("title"), List.of())).include(List.of("ACTS_IN")).build());
        assertRefused("the key property Movie.released is not unique", () -> GraphMapping.builder()
                .label(EntityLabel.of("Movie", "released", List.of("title"), List.of())).build());
        assertRefused("unknown label 'Movie`) DETACH DELETE n //'", () -> GraphMapping.builder()
                .label(EntityLabel.of("Movie`) DETACH DELETE n //", null, List.of("title"), List.of())).build());
        assertRefused("no node labelled Person has a property 'x` = 1 DETACH DELETE n //'", () -> GraphMapping.builder()
                .label(EntityLabel.of("Person", null, List.of("x` = 1 DETACH DELETE n //"), List.of())).build());
        try (Transaction tx = graph.database().beginTx()) {
            assertEquals(13L, tx.execute("MATCH (n) RETURN count(n) AS c").columnAs("c").next());
        }
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> GraphMapping.builder()
                .label(EntityLabel.of("Movie", null, List.of(), List.of()))
                .label(EntityLabel.of("Movie", null, List.of(), List.of())).build());
        assertEquals("label Movie is mapped twice", twice.getMessage());
    }

    @Test
    void keysSharedAcrossLabelsAreRefusedAndTheProposalAvoidsThem() {
        Path other = TestServers.tempDir("ariadne-clash");
        try (EmbeddedGraph g = EmbeddedGraph.open(other, 16)) {
            try (Transaction tx = g.database().beginTx()) {
                tx.execute("CREATE (:Person {name: 'Kismet'})-[:LIKES]->(:Film {name: 'Kismet'}), (:Film {name: 'Heat'})").close();
                tx.commit();
            }
            try (Transaction tx = g.database().beginTx()) {
                tx.execute("CREATE CONSTRAINT p IF NOT EXISTS FOR (n:Person) REQUIRE n.name IS UNIQUE").close();
                tx.execute("CREATE CONSTRAINT f IF NOT EXISTS FOR (n:Film) REQUIRE n.name IS UNIQUE").close();
                tx.commit();
            }
            GraphMapping both = GraphMapping.builder().label(EntityLabel.of("Film", "name", List.of("name"), List.of()))
                    .label(EntityLabel.of("Person", "name", List.of("name"), List.of())).build();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Neo4jGraphAccess.embedded(g, both));
            assertTrue(e.getMessage().startsWith("mapping: the key 'Kismet' is on a Film node and on a Person node"), e.getMessage());
            GraphMapping detected = MappingProposal.detect(g.database());
            assertEquals(java.util.Optional.of("name"), detected.label("Film").orElseThrow().keyProperty());
            assertTrue(detected.label("Person").orElseThrow().keyProperty().isEmpty(), detected.toString());
            GraphAccess a = Neo4jGraphAccess.embedded(g, detected);
            assertEquals(2, a.lookup().byName("Kismet", false).size());
        } finally {
            TestServers.delete(other);
        }
    }

    private void assertRefused(String expected, Supplier<GraphMapping> mapping) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Neo4jGraphAccess.embedded(graph, mapping.get()));
        assertTrue(e.getMessage().startsWith("mapping: " + expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static Set<String> names(List<ReasoningPath> paths) {
        Set<String> out = new TreeSet<>();
        paths.forEach(p -> out.add(p.end().name()));
        return out;
    }
}
