package dev.ariadne.models.training.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phrases derived from relation names in each naming style, and the phrase file a user edits. */
class RelationPhrasesTest {
    @TempDir
    Path dir;

    @Test
    void passiveByNamesReadAsVerbsInBothDirections() {
        RelationPhrases p = RelationPhrases.derived("directed_by");
        assertTrue(p.forward().questions().contains("who directed {X}"), p.forward().toString());
        assertTrue(p.forward().phrases().contains("the director of {X}"), p.forward().toString());
        assertTrue(p.inverse().questions().contains("what did {X} direct"), p.inverse().toString());
        // Freebase style reads the same words from its last segment
        assertEquals(p, RelationPhrases.derived("__film__film__directed_by"));
        assertTrue(RelationPhrases.derived("written_by").inverse().questions().contains("what did {X} write"));
    }

    @Test
    void verbWithPrepositionInScreamingAndCamelCase() {
        RelationPhrases screaming = RelationPhrases.derived("ACTED_IN");
        assertTrue(screaming.forward().questions().contains("what did {X} act in"), screaming.toString());
        assertTrue(screaming.inverse().questions().contains("who acted in {X}"), screaming.toString());
        assertEquals(screaming, RelationPhrases.derived("actedIn"));
    }

    @Test
    void aLoneVerbIsDoneBySubject() {
        RelationPhrases p = RelationPhrases.derived("DIRECTED");
        assertTrue(p.forward().questions().contains("what did {X} direct"), p.toString());
        assertTrue(p.inverse().questions().contains("who directed {X}"), p.toString());
    }

    @Test
    void nounsAndDottedNamesAndInverseSuffix() {
        RelationPhrases genre = RelationPhrases.derived("has_genre");
        assertTrue(genre.forward().phrases().contains("the genre of {X}"));
        assertTrue(genre.inverse().phrases().contains("the things whose genre is {X}"));
        assertTrue(RelationPhrases.derived("people.person.nationality").forward().phrases().contains("the nationality of {X}"));
        RelationPhrases club = RelationPhrases.derived("plays_in_club");
        RelationPhrases swapped = RelationPhrases.derived("plays_in_club_inverse");
        assertEquals(club.forward(), swapped.inverse());
        assertEquals(club.inverse(), swapped.forward());
    }

    @Test
    void phraseFileOverridesWhatItNamesAndKeepsTheRest() throws IOException {
        Path f = Files.writeString(dir.resolve("phrases.json"), """
                {"has_tags": {"forward": {"questions": ["what words describe {X}"]},
                              "inverse": {"phrases": ["the films about {X}"], "questions": ["which films are about {X}"]}}}
                """);
        PhraseBook book = PhraseBook.read(f, List.of("has_tags", "directed_by"));
        assertEquals(List.of("what words describe {X}"), book.phrases("has_tags").forward().questions());
        assertEquals(RelationPhrases.derived("has_tags").forward().phrases(), book.phrases("has_tags").forward().phrases());
        assertEquals(RelationPhrases.derived("directed_by"), book.phrases("directed_by"));
        // what write() produces, read() takes back unchanged
        Path copy = dir.resolve("copy.json");
        book.write(copy);
        assertEquals(book.all(), PhraseBook.read(copy, List.of("has_tags", "directed_by")).all());
    }

    @Test
    void badPhraseFilesNameTheProblem() throws IOException {
        List<String> types = List.of("has_tags", "directed_by");
        Path unknown = Files.writeString(dir.resolve("a.json"), "{\"directed_bye\": {}}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PhraseBook.read(unknown, types));
        assertTrue(e.getMessage().contains("'directed_bye' is not in the graph (did you mean directed_by?)"), e.getMessage());
        Path noSlot = Files.writeString(dir.resolve("b.json"), "{\"has_tags\": {\"forward\": {\"questions\": [\"what words\"]}}}");
        e = assertThrows(InvalidInputException.class, () -> PhraseBook.read(noSlot, types));
        assertTrue(e.getMessage().contains("relation 'has_tags'") && e.getMessage().contains("exactly once"), e.getMessage());
        Path broken = Files.writeString(dir.resolve("c.json"), "{\n\"has_tags\": [\n");
        e = assertThrows(InvalidInputException.class, () -> PhraseBook.read(broken, types));
        assertTrue(e.getMessage().startsWith(broken + " line "), e.getMessage());
        Path badKey = Files.writeString(dir.resolve("d.json"), "{\"has_tags\": {\"forwards\": {}}}");
        e = assertThrows(InvalidInputException.class, () -> PhraseBook.read(badKey, types));
        assertTrue(e.getMessage().contains("unknown key 'forwards'"), e.getMessage());
    }
}
