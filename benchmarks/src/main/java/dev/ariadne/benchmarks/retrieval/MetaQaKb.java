package dev.ariadne.benchmarks.retrieval;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The MetaQA KB and dev questions for the retrieval benchmark (MetaQA: Zhang et al., AAAI 2018,
 * CC BY 3.0): locating {@code ../shared}, a fast Core API loader into Ariadne's model, and each
 * question's gold relation chain.
 */
final class MetaQaKb {
    private static final Map<String, String> RELATION_OF = Map.of("director", "directed_by", "writer", "written_by",
            "actor", "starred_actors", "year", "release_year", "language", "in_language", "genre", "has_genre",
            "tag", "has_tags", "tags", "has_tags", "imdbrating", "has_imdb_rating", "imdbvotes", "has_imdb_votes");

    /** A question's topic key and gold relation chain. */
    record GoldQuery(String label, String topic, RelationPath chain) {
    }

    private MetaQaKb() {
    }

    /** {@code -Dariadne.shared=DIR}, else {@code ../shared/datasets} from the repository root or a module folder. */
    static Path locate() {
        String prop = System.getProperty("ariadne.shared");
        List<Path> tries = prop != null ? List.of(Path.of(prop))
                : List.of(Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets"));
        for (Path p : tries) {
            Path m = p.resolve("metaqa");
            if (Files.isRegularFile(m.resolve("kb.txt"))) {
                return m;
            }
        }
        throw new IllegalStateException("skipped: ../shared/datasets/metaqa not found (run from the repository root "
                + "or pass -Dariadne.shared=DIR)");
    }

    /** {@code actor_to_movie_to_director} = {@code ~starred_actors,directed_by}. */
    static RelationPath chain(String qtype) {
        String[] parts = qtype.strip().split("_to_");
        List<DirectedRelation> hops = new ArrayList<>();
        for (int i = 0; i + 1 < parts.length; i++) {
            boolean fromMovie = parts[i].equals("movie");
            String other = fromMovie ? parts[i + 1] : parts[i];
            String relation = RELATION_OF.get(other);
            if (relation == null) {
                throw new IllegalArgumentException("unknown entity type '" + other + "' in qtype " + qtype);
            }
            hops.add(fromMovie ? DirectedRelation.forward(relation) : DirectedRelation.backward(relation));
        }
        return new RelationPath(hops);
    }

    static List<GoldQuery> questions(Path metaQa, int hops) throws IOException {
        Path dir = metaQa.resolve(hops + "-hop");
        List<String> qa = Files.readAllLines(dir.resolve("qa_dev.txt"), StandardCharsets.UTF_8);
        List<String> types = Files.readAllLines(dir.resolve("qa_dev_qtype.txt"), StandardCharsets.UTF_8);
        List<GoldQuery> out = new ArrayList<>(qa.size());
        for (int i = 0; i < qa.size(); i++) {
            String q = qa.get(i);
            out.add(new GoldQuery(hops + "-hop#" + i, q.substring(q.indexOf('[') + 1, q.indexOf(']')), chain(types.get(i))));
        }
        return out;
    }

    @SuppressWarnings("deprecation")
    static void load(GraphDatabaseService db, Path kb) throws IOException {
        try (Transaction tx = db.beginTx()) {
            tx.execute("CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE");
            tx.execute("CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)");
            tx.execute("CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]");
            tx.commit();
        }
        Map<String, Long> ids = new HashMap<>(64_000);
        Map<String, RelationshipType> types = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(kb, StandardCharsets.UTF_8)) {
            List<String[]> batch = new ArrayList<>(20_000);
            String line;
            boolean more = true;
            while (more) {
                line = r.readLine();
                more = line != null;
                if (more && !line.isEmpty()) {
                    batch.add(line.split("\\|", -1));
                }
                if (batch.size() == 20_000 || (!more && !batch.isEmpty())) {
                    try (Transaction tx = db.beginTx()) {
                        for (String[] t : batch) {
                            Node s = node(tx, t[0], ids);
                            Node o = node(tx, t[2], ids);
                            s.createRelationshipTo(o, types.computeIfAbsent(t[1], RelationshipType::withName));
                        }
                        tx.commit();
                    }
                    batch.clear();
                }
            }
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(5, TimeUnit.MINUTES);
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
