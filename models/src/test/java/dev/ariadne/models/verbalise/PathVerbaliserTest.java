package dev.ariadne.models.verbalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathVerbaliserTest {
    @Test
    void splitsRelationNames() {
        assertEquals(List.of("directed", "by"), PathVerbaliser.words("directed_by"));
        assertEquals(List.of("has", "imdb", "rating"), PathVerbaliser.words("hasImdbRating"));
        assertEquals(List.of("people", "person", "nationality"), PathVerbaliser.words("people.person.nationality"));
        assertEquals(List.of("music", "album", "artist"), PathVerbaliser.words("__music__album__artist"));
        assertEquals(List.of("film", "directed", "by"), PathVerbaliser.words("film.film.directed_by"));
        assertEquals(List.of("html", "parser", "v", "2"), PathVerbaliser.words("HTMLParserV2"));
        assertEquals(List.of("born", "in"), PathVerbaliser.words("BORN_IN"));
    }

    @Test
    void directionWordsAndNesting() {
        assertEquals("the directed by of X", PathVerbaliser.verbalise(RelationPath.parse("directed_by")));
        assertEquals("things whose starred actors is X", PathVerbaliser.verbalise(RelationPath.parse("~starred_actors")));
        assertEquals("the genre of X", PathVerbaliser.verbalise(RelationPath.parse("has_genre")));
        assertEquals("the directed by of things whose starred actors is X",
                PathVerbaliser.verbalise(RelationPath.parse("~starred_actors,directed_by")));
        assertEquals("the genre of things whose directed by is the directed by of X",
                PathVerbaliser.verbalise(RelationPath.parse("directed_by,~directed_by,has_genre")));
        assertEquals("X", PathVerbaliser.verbalise(RelationPath.EMPTY));
        assertEquals("the written by of something", PathVerbaliser.verbaliseHop(DirectedRelation.parse("written_by")));
    }

    @Test
    void orderAndDirectionChangeTheText() {
        String a = PathVerbaliser.verbalise(RelationPath.parse("~directed_by,written_by"));
        String b = PathVerbaliser.verbalise(RelationPath.parse("~written_by,directed_by"));
        assertNotEquals(a, b);
        assertNotEquals(PathVerbaliser.verbalise(RelationPath.parse("directed_by")),
                PathVerbaliser.verbalise(RelationPath.parse("~directed_by")));
    }

    @Test
    void versionIsRecorded() {
        assertEquals(1, PathVerbaliser.VERSION);
    }
}
