package dev.ariadne.models.training.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassNounsTest {
    @Test
    void labelsBecomePluralClassNouns() {
        GraphMapping m = GraphMapping.builder()
                .label(EntityLabel.of("Person", null, List.of("name"), List.of()))
                .label(EntityLabel.of("Movie", null, List.of("title"), List.of()))
                .label(EntityLabel.of("ImportLog", null, List.of(), List.of()))
                .label(EntityLabel.of("FILM_SERIES", null, List.of(), List.of()))
                .label(EntityLabel.of("Country", null, List.of(), List.of()))
                .label(EntityLabel.of("Box", null, List.of(), List.of()))
                .label(EntityLabel.of("Class", null, List.of(), List.of()))
                .build();
        assertEquals(List.of("people", "movies", "import logs", "film series", "countries", "boxes", "classes"), ClassNouns.of(m));
        assertTrue(ClassNouns.of(GraphMapping.ariadneLayout()).isEmpty());
    }

    @Test
    void aParticipleAttributeReadsAsWhenAndBackAsWhatWasSoInIt() {
        RelationPhrases released = RelationPhrases.derivedAttribute("released");
        assertTrue(released.forward().questions().contains("when was {X} released"), released.toString());
        assertTrue(released.inverse().questions().contains("which things were released in {X}"), released.toString());
        // any other name is worded as a relation would be
        assertEquals(RelationPhrases.derived("release_year"), RelationPhrases.derivedAttribute("release_year"));
        assertEquals(RelationPhrases.derived("languages"), RelationPhrases.derivedAttribute("languages"));
    }

    @Test
    void theGrammarWritesTheGraphsClassNounsWhereItWritesPlaceholders() {
        PhraseBook book = PhraseBook.derived(List.of("ACTED_IN"));
        QuestionGrammar grammar = new QuestionGrammar(book, 0, List.of("movies"));
        List<String> qs = grammar.questions(dev.ariadne.core.graph.RelationPath.parse("ACTED_IN"), "Keanu Reeves", 20,
                new java.util.SplittableRandom(7));
        assertTrue(qs.stream().anyMatch(q -> q.contains("movies")), qs.toString());
    }
}
