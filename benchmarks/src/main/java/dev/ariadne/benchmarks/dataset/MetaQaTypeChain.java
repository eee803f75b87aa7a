package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a MetaQA question type chain ({@code actor_to_movie_to_director}) to the directed relation path
 * it names ({@code ~starred_actors,directed_by}). Every MetaQA relation points from a movie, so a step
 * {@code movie_to_X} walks X's relation forward and a step {@code X_to_movie} walks it backward.
 */
public final class MetaQaTypeChain {
    private static final String MOVIE = "movie";
    private static final String STEP = "_to_";
    private static final Map<String, String> RELATION_OF_TYPE = Map.ofEntries(
            Map.entry("director", "directed_by"),
            Map.entry("writer", "written_by"),
            Map.entry("actor", "starred_actors"),
            Map.entry("year", "release_year"),
            Map.entry("language", "in_language"),
            Map.entry("genre", "has_genre"),
            Map.entry("tag", "has_tags"),
            Map.entry("tags", "has_tags"),
            Map.entry("imdbrating", "has_imdb_rating"),
            Map.entry("imdbvotes", "has_imdb_votes"));

    private MetaQaTypeChain() {
    }

    /** The relation path of {@code chain}; a chain that is not a MetaQA type chain is reported against {@code at}. */
    public static RelationPath toPath(String chain, SourceLine at) {
        String[] types = chain.strip().split(STEP, -1);
        if (types.length < 2) {
            throw new DatasetFormatException(at, "expected a type chain like 'actor_to_movie_to_director', got '"
                    + chain + "'");
        }
        List<DirectedRelation> hops = new ArrayList<>(types.length - 1);
        for (int i = 0; i + 1 < types.length; i++) {
            String from = types[i];
            String to = types[i + 1];
            for (String t : new String[] {from, to}) {
                if (!t.equals(MOVIE) && !RELATION_OF_TYPE.containsKey(t)) {
                    throw new DatasetFormatException(at, "unknown entity type '" + t + "' in type chain '" + chain
                            + "' (expected one of movie, "
                            + String.join(", ", RELATION_OF_TYPE.keySet().stream().sorted().toList()) + ")");
                }
            }
            if (from.equals(MOVIE) == to.equals(MOVIE)) {
                throw new DatasetFormatException(at, "step '" + from + STEP + to + "' of type chain '" + chain
                        + "' must go from or to 'movie' (every MetaQA relation points from a movie)");
            }
            hops.add(from.equals(MOVIE)
                    ? DirectedRelation.forward(RELATION_OF_TYPE.get(to))
                    : DirectedRelation.backward(RELATION_OF_TYPE.get(from)));
        }
        return new RelationPath(hops);
    }
}
