package dev.ariadne.benchmarks.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaQaTypeChainTest {
    private static final SourceLine AT = new SourceLine(Path.of("qa_dev_qtype.txt"), 7);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "movie_to_director; directed_by",
            "director_to_movie; ~directed_by",
            "actor_to_movie_to_year; ~starred_actors,release_year",
            "actor_to_movie_to_director; ~starred_actors,directed_by",
            "movie_to_tags; has_tags",
            "tag_to_movie; ~has_tags",
            "movie_to_imdbrating; has_imdb_rating",
            "movie_to_imdbvotes; has_imdb_votes",
            "movie_to_language; in_language",
            "movie_to_genre; has_genre",
            "writer_to_movie_to_writer; ~written_by,written_by",
            "movie_to_actor_to_movie_to_genre; starred_actors,~starred_actors,has_genre"})
    void mapsChainsToDirectedPaths(String chain, String path) {
        assertEquals(path, MetaQaTypeChain.toPath(chain, AT).format());
    }

    @Test
    void rejectsAStepBetweenTwoNonMovieTypes() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MetaQaTypeChain.toPath("actor_to_director", AT));
        assertTrue(e.getMessage().startsWith("qa_dev_qtype.txt:7: "), e.getMessage());
        assertTrue(e.getMessage().contains("must go from or to 'movie'"), e.getMessage());
    }

    @Test
    void rejectsASingleType() {
        assertThrows(DatasetFormatException.class, () -> MetaQaTypeChain.toPath("movie", AT));
    }
}
