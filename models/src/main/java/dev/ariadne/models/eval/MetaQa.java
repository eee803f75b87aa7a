package dev.ariadne.models.eval;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.models.training.TrainingExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads MetaQA (Zhang et al., "Variational Reasoning for Question Answering with Knowledge Graph",
 * AAAI 2018; CC BY 3.0) dev questions with their type chains, turning each chain into its gold relation
 * path as the dataset's README defines it ({@code actor_to_movie_to_director} =
 * {@code ~starred_actors,directed_by}).
 */
public final class MetaQa {
    private static final Map<String, String> RELATION_OF = Map.of(
            "director", "directed_by", "writer", "written_by", "actor", "starred_actors", "year", "release_year",
            "language", "in_language", "genre", "has_genre", "tags", "has_tags", "tag", "has_tags",
            "imdbrating", "has_imdb_rating", "imdbvotes", "has_imdb_votes");

    /** One dev question; {@code id} is "{hops}-hop:{line}". */
    public record Question(String id, int hops, String line, String text, String topicMention, Set<String> answers,
                           String qtype, RelationPath goldPath) {
        public String template() {
            return dev.ariadne.core.plan.PlanningRequest.mask(text, topicMention);
        }

        public TrainingExample example(boolean withGoldPath) {
            return new TrainingExample(text, Entity.named(topicMention), topicMention, answers,
                    withGoldPath ? goldPath : null);
        }

        /** A stable number in [0, 100) from the line's sha256: the random split's bucket. */
        public int bucket() {
            return MetaQa.bucket(hops + "|" + line);
        }
    }

    private MetaQa() {
    }

    /** Locates {@code shared/datasets/metaqa}: system property {@code ariadne.shared}, then ../shared, ../../shared. */
    public static Path locate() {
        String prop = System.getProperty("ariadne.shared");
        List<Path> tries = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            tries.add(Path.of(prop).resolve("datasets").resolve("metaqa"));
            tries.add(Path.of(prop).resolve("metaqa"));
        }
        tries.add(Path.of("..", "shared", "datasets", "metaqa"));
        tries.add(Path.of("..", "..", "shared", "datasets", "metaqa"));
        for (Path p : tries) {
            if (Files.isRegularFile(p.resolve("kb.txt"))) {
                return p.normalize();
            }
        }
        return null;
    }

    public static List<Question> read(Path dir, int hops) {
        Path qa = dir.resolve(hops + "-hop").resolve("qa_dev.txt");
        Path types = dir.resolve(hops + "-hop").resolve("qa_dev_qtype.txt");
        try {
            List<String> lines = Files.readAllLines(qa, StandardCharsets.UTF_8);
            List<String> qtypes = Files.readAllLines(types, StandardCharsets.UTF_8);
            if (lines.size() != qtypes.size()) {
                throw new InvalidInputException(qa + " has " + lines.size() + " lines but " + types + " has " + qtypes.size());
            }
            List<Question> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int tab = line.indexOf('\t');
                int open = line.indexOf('[');
                int close = line.indexOf(']', open + 1);
                if (tab < 0 || open < 0 || close < 0 || close > tab) {
                    throw new InvalidInputException(qa + ":" + (i + 1) + ": expected 'question with [topic]<TAB>a1|a2'");
                }
                String text = line.substring(0, tab);
                Set<String> answers = new LinkedHashSet<>(Arrays.asList(line.substring(tab + 1).split("\\|")));
                String qtype = qtypes.get(i).strip();
                out.add(new Question(hops + "-hop:" + (i + 1), hops, line, text, line.substring(open + 1, close), answers,
                        qtype, pathOf(qtype, types, i + 1)));
            }
            return out;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read MetaQA " + hops + "-hop dev questions from " + dir + ": " + e.getMessage(), e);
        }
    }

    public static List<Question> readAll(Path dir) {
        List<Question> all = new ArrayList<>();
        for (int h = 1; h <= 3; h++) {
            all.addAll(read(dir, h));
        }
        return all;
    }

    static RelationPath pathOf(String qtype, Path file, int line) {
        String[] parts = qtype.split("_to_");
        List<DirectedRelation> hops = new ArrayList<>();
        for (int i = 0; i + 1 < parts.length; i++) {
            String a = parts[i];
            String b = parts[i + 1];
            if (a.equals("movie") && RELATION_OF.containsKey(b)) {
                hops.add(DirectedRelation.forward(RELATION_OF.get(b)));
            } else if (b.equals("movie") && RELATION_OF.containsKey(a)) {
                hops.add(DirectedRelation.backward(RELATION_OF.get(a)));
            } else {
                throw new InvalidInputException(file + ":" + line + ": unknown type chain step '" + a + "_to_" + b + "'");
            }
        }
        return new RelationPath(hops);
    }

    static int bucket(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(v, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
