package dev.ariadne.cypher;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/** MetaQA in tests: locating {@code ../shared}, a fast Core API loader, and the dev questions with their gold chains. */
final class MetaQaFixture {
    private static final Map<String, String> RELATION_OF = Map.of("director", "directed_by", "writer", "written_by",
            "actor", "starred_actors", "year", "release_year", "language", "in_language", "genre", "has_genre",
            "tag", "has_tags", "tags", "has_tags", "imdbrating", "has_imdb_rating", "imdbvotes", "has_imdb_votes");

    record Question(String text, String topic, Set<String> answers, RelationPath chain) {
    }

    private MetaQaFixture() {
    }

    /** {@code -Dariadne.shared}, else {@code ../shared/datasets} from the repository root or a module folder. */
    static Path metaQa() {
        String prop = System.getProperty("ariadne.shared");
        List<Path> tries = prop != null ? List.of(Path.of(prop))
                : List.of(Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets"));
        for (Path p : tries) {
            Path m = p.resolve("metaqa");
            if (Files.isRegularFile(m.resolve("kb.txt"))) {
                return m;
            }
        }
        return null;
    }

    /** {@code actor_to_movie_to_director} = {@code ~starred_actors,directed_by}. */
    static RelationPath chain(String qtype) {
        String[] parts = qtype.strip().split("_to_");
        List<DirectedRelation> hops = new ArrayList<>();
        for (int i = 0; i + 1 < parts.length; i++) {
            String a = parts[i];
            String b = parts[i + 1];
            if (a.equals("movie")) {
                hops.add(DirectedRelation.forward(relation(b, qtype)));
            } else if (b.equals("movie")) {
                hops.add(DirectedRelation.backward(relation(a, qtype)));
            } else {
                throw new IllegalArgumentException("no movie on hop " + (i + 1) + " of " + qtype);
            }
        }
        return new RelationPath(hops);
    }

    private static String relation(String type, String qtype) {
        String r = RELATION_OF.get(type);
        if (r == null) {
            throw new IllegalArgumentException("unknown entity type '" + type + "' in " + qtype);
        }
        return r;
    }

    static List<Question> questions(Path metaQa, int hops) throws IOException {
        Path dir = metaQa.resolve(hops + "-hop");
        List<String> qa = Files.readAllLines(dir.resolve("qa_dev.txt"), StandardCharsets.UTF_8);
        List<String> types = Files.readAllLines(dir.resolve("qa_dev_qtype.txt"), StandardCharsets.UTF_8);
        if (qa.size() != types.size()) {
            throw new IllegalStateException(dir + ": " + qa.size() + " questions but " + types.size() + " qtypes");
        }
        List<Question> out = new ArrayList<>(qa.size());
        for (int i = 0; i < qa.size(); i++) {
            String[] cols = qa.get(i).split("\t", -1);
            String q = cols[0];
            String topic = q.substring(q.indexOf('[') + 1, q.indexOf(']'));
            out.add(new Question(q, topic, new LinkedHashSet<>(List.of(cols[1].split("\\|"))), chain(types.get(i))));
        }
        return out;
    }

    /** Loads kb.txt with the Core API in batches; keys are the MetaQA names. */
    static void load(GraphDatabaseService db, Path kb) throws IOException {
        TestGraphs.createSchema(db);
        Map<String, Long> ids = new HashMap<>(64_000);
        Map<String, RelationshipType> types = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(kb, StandardCharsets.UTF_8)) {
            List<String[]> batch = new ArrayList<>(20_000);
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    batch.add(line.split("\\|", -1));
                }
                if (batch.size() == 20_000) {
                    write(db, batch, ids, types);
                    batch.clear();
                }
            }
            write(db, batch, ids, types);
        }
    }

    @SuppressWarnings("deprecation")
    private static void write(GraphDatabaseService db, List<String[]> batch, Map<String, Long> ids,
                              Map<String, RelationshipType> types) {
        try (Transaction tx = db.beginTx()) {
            for (String[] t : batch) {
                Node s = node(tx, t[0], ids);
                Node o = node(tx, t[2], ids);
                s.createRelationshipTo(o, types.computeIfAbsent(t[1], RelationshipType::withName));
            }
            tx.commit();
        }
    }

    @SuppressWarnings("deprecation")
    private static Node node(Transaction tx, String key, Map<String, Long> ids) {
        Long id = ids.get(key);
        if (id != null) {
            return tx.getNodeById(id);
        }
        Node n = tx.createNode(GraphModel.ENTITY);
        n.setProperty(GraphModel.KEY, key);
        n.setProperty(GraphModel.NAME, key);
        ids.put(key, n.getId());
        return n;
    }
}
