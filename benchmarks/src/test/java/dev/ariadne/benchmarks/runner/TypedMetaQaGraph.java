package dev.ariadne.benchmarks.runner;

import dev.ariadne.benchmarks.dataset.KnowledgeBaseReader;
import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * A typed property-graph copy of the MetaQA KB (Zhang et al., AAAI 2018, CC BY 3.0), laid out as a user's
 * own graph would be rather than as Ariadne loads it: {@code (:Person {name})-[:DIRECTED|WROTE|ACTED_IN]->
 * (:Movie {title, released, rating, votes})}, {@code (:Movie)-[:HAS_GENRE]->(:Genre {name})}, {@code
 * [:IN_LANGUAGE]->(:Language {name})}, {@code [:HAS_TAG]->(:Tag {name})}. Release years, IMDb ratings and
 * votes are properties (a list where MetaQA gives a title several years), not nodes; a person and a film
 * with the same name are two nodes. Only {@code Person.name} has a uniqueness constraint, so films and the
 * rest are keyed by element id.
 */
final class TypedMetaQaGraph {
    static final GraphMapping MAPPING = GraphMapping.builder()
            .label(EntityLabel.of("Person", "name", List.of("name"), List.of()))
            .label(EntityLabel.of("Movie", null, List.of("title"), List.of()).withAttributes(List.of(
                    new Attribute("released", "released", true), Attribute.of("rating"), Attribute.of("votes"))))
            .label(EntityLabel.of("Genre", null, List.of("name"), List.of()))
            .label(EntityLabel.of("Language", null, List.of("name"), List.of()))
            .label(EntityLabel.of("Tag", null, List.of("name"), List.of()))
            .build();

    /** MetaQA relation -> {relationship type, object label, person is the subject}. */
    private static final Map<String, String[]> RELATIONSHIPS = Map.of(
            "directed_by", new String[] {"DIRECTED", "Person", "person"},
            "written_by", new String[] {"WROTE", "Person", "person"},
            "starred_actors", new String[] {"ACTED_IN", "Person", "person"},
            "has_genre", new String[] {"HAS_GENRE", "Genre", "movie"},
            "in_language", new String[] {"IN_LANGUAGE", "Language", "movie"},
            "has_tags", new String[] {"HAS_TAG", "Tag", "movie"});
    private static final int BATCH = 10_000;

    private TypedMetaQaGraph() {
    }

    /** Writes the copy of {@code kb} into a new database in {@code dir}; returns the triples read. */
    static int write(Path kb, Path dir) {
        List<Triple> triples = KnowledgeBaseReader.metaQa(kb);
        Map<String, List<Object>> released = new LinkedHashMap<>();
        Map<String, String> rating = new HashMap<>();
        Map<String, String> votes = new HashMap<>();
        List<Triple> edges = new ArrayList<>();
        for (Triple t : triples) {
            switch (t.relation()) {
                case "release_year" -> released.computeIfAbsent(t.subject(), k -> new ArrayList<>()).add(year(t.object()));
                case "has_imdb_rating" -> rating.put(t.subject(), t.object());
                case "has_imdb_votes" -> votes.put(t.subject(), t.object());
                default -> {
                    if (!RELATIONSHIPS.containsKey(t.relation())) {
                        throw new IllegalStateException("unexpected MetaQA relation " + t.relation());
                    }
                    edges.add(t);
                }
            }
        }
        try (EmbeddedGraph graph = EmbeddedGraph.open(dir, 256)) {
            try (Transaction tx = graph.database().beginTx()) {
                tx.execute("CREATE CONSTRAINT person_name IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE").close();
                tx.commit();
            }
            Map<String, Map<String, Long>> ids = new HashMap<>();
            List<Triple> pending = new ArrayList<>();
            for (Triple t : edges) {
                pending.add(t);
                if (pending.size() == BATCH) {
                    writeEdges(graph, pending, ids, released, rating, votes);
                    pending.clear();
                }
            }
            writeEdges(graph, pending, ids, released, rating, votes);
            // films with a year, rating or votes but no relationship of their own
            try (Transaction tx = graph.database().beginTx()) {
                for (String film : new java.util.TreeSet<>(released.keySet())) {
                    node(tx, ids, "Movie", film, released, rating, votes);
                }
                tx.commit();
            }
            try (Transaction tx = graph.database().beginTx()) {
                tx.schema().awaitIndexesOnline(5, TimeUnit.MINUTES);
            }
        }
        return triples.size();
    }

    private static void writeEdges(EmbeddedGraph graph, List<Triple> batch, Map<String, Map<String, Long>> ids,
                                   Map<String, List<Object>> released, Map<String, String> rating, Map<String, String> votes) {
        try (Transaction tx = graph.database().beginTx()) {
            for (Triple t : batch) {
                String[] r = RELATIONSHIPS.get(t.relation());
                Node movie = node(tx, ids, "Movie", t.subject(), released, rating, votes);
                Node other = node(tx, ids, r[1], t.object(), released, rating, votes);
                if (r[2].equals("person")) {
                    other.createRelationshipTo(movie, RelationshipType.withName(r[0]));
                } else {
                    movie.createRelationshipTo(other, RelationshipType.withName(r[0]));
                }
            }
            tx.commit();
        }
    }

    private static Node node(Transaction tx, Map<String, Map<String, Long>> ids, String label, String name,
                             Map<String, List<Object>> released, Map<String, String> rating, Map<String, String> votes) {
        Map<String, Long> byName = ids.computeIfAbsent(label, k -> new HashMap<>());
        Long id = byName.get(name);
        if (id != null) {
            return tx.getNodeById(id);
        }
        Node n = tx.createNode(Label.label(label));
        if (label.equals("Movie")) {
            n.setProperty("title", name);
            List<Object> years = released.get(name);
            if (years != null) {
                n.setProperty("released", years.size() == 1 ? years.get(0) : years.stream().mapToLong(y -> (Long) y).toArray());
            }
            if (rating.containsKey(name)) {
                n.setProperty("rating", rating.get(name));
            }
            if (votes.containsKey(name)) {
                n.setProperty("votes", votes.get(name));
            }
        } else {
            n.setProperty("name", name);
        }
        byName.put(name, n.getId());
        return n;
    }

    private static Object year(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("MetaQA release year is not a number: " + text, e);
        }
    }
}
