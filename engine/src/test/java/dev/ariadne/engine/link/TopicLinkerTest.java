package dev.ariadne.engine.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.answer.LinkSource;
import dev.ariadne.core.answer.TopicLink;
import dev.ariadne.core.error.AmbiguousEntityException;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.link.MatchKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicLinkerTest {
    private static final List<Entity> ENTITIES = List.of(
            Entity.named("Joel Zwick"), Entity.named("My Big Fat Greek Wedding"), Entity.named("Greek"),
            Entity.named("Big"), Entity.named("Tigres_UANL"), Entity.named("Mexico"), Entity.named("Amélie"),
            Entity.named("Heat"), Entity.named("heat"), new Entity("Q42", "Douglas Adams"), Entity.named("Love"));
    private final TopicLinker linker = new TopicLinker(NameIndex.build(ENTITIES), null, 2);

    @Test
    void bracketedMentionIsResolvedExactly() {
        Linking l = linker.link("what languages are the films directed by [Joel Zwick] in");
        assertEquals(1, l.topics().size());
        TopicLink t = l.topics().get(0);
        assertEquals("Joel Zwick", t.entity().key());
        assertEquals(LinkSource.BRACKETED, t.source());
        assertEquals(MatchKind.EXACT_NAME, t.candidates().get(0).kind());
        assertEquals("what languages are the films directed by [".length(), t.start());
    }

    @Test
    void bracketedMentionFallsBackToNormalisedNameAndKey() {
        assertEquals("Tigres_UANL", linker.link("who plays for [tigres uanl]").topics().get(0).entity().key());
        assertEquals("Q42", linker.link("what did [Q42] write").topics().get(0).entity().key());
        assertEquals(MatchKind.KEY, linker.link("what did [Q42] write").topics().get(0).candidates().get(0).kind());
    }

    @Test
    void unknownBracketedMentionIsATypedFailure() {
        EntityNotFoundException e = assertThrows(EntityNotFoundException.class, () -> linker.link("who is [Nobody Here]"));
        assertEquals("Nobody Here", e.reference());
    }

    @Test
    void longestSpanWinsWithoutBrackets() {
        Linking l = linker.link("who directed my big fat greek wedding");
        assertEquals("My Big Fat Greek Wedding", l.topics().get(0).entity().key());
        assertEquals(LinkSource.SPAN, l.topics().get(0).source());
        // the shorter spans "big" and "greek" were seen, scored lower, and are in the trace
        assertTrue(l.mentions().stream().anyMatch(m -> m.mention().equals("big")));
        assertTrue(l.mentions().get(0).candidates().get(0).score() > l.mentions().get(1).candidates().get(0).score());
    }

    @Test
    void caseAccentsPunctuationAndUnderscoresAreIgnored() {
        assertEquals("Amélie", linker.link("who starred in AMELIE?").topics().get(0).entity().key());
        assertEquals("Tigres_UANL", linker.link("which player in Tigres UANL is from Mexico").topics().get(0).entity().key());
    }

    @Test
    void twoNonOverlappingMentionsBecomeTwoTopics() {
        Linking l = linker.link("which player in Tigres_UANL is from Mexico");
        assertEquals(List.of("Tigres_UANL", "Mexico"), l.entities().stream().map(Entity::key).toList());
    }

    @Test
    void exactCaseBreaksANormalisedTie() {
        assertEquals("Heat", linker.link("who directed Heat").topics().get(0).entity().key());
        assertEquals("heat", linker.link("which films are tagged heat").topics().get(0).entity().key());
    }

    @Test
    void tieThatNothingBreaksIsAmbiguousWithAllCandidates() {
        AmbiguousEntityException e = assertThrows(AmbiguousEntityException.class, () -> linker.link("who directed HEAT"));
        assertEquals(List.of("Heat", "heat"), e.candidates().stream().map(c -> c.entity().key()).sorted().toList());
        assertEquals("HEAT", e.mention());
    }

    @Test
    void questionWithoutAnyNameIsTopicNotFound() {
        assertThrows(TopicNotFoundException.class, () -> linker.link("what is the meaning of this"));
        assertThrows(InvalidInputException.class, () -> linker.link("  "));
    }

    @Test
    void fullTextIsTheLastResort() {
        EntityLookup fuzzy = new EntityLookup() {
            @Override
            public Optional<Entity> byKey(String key) {
                return Optional.empty();
            }

            @Override
            public List<Entity> byName(String name, boolean ignoreCase) {
                return List.of();
            }

            @Override
            public List<EntityCandidate> fuzzy(String text, int limit) {
                return List.of(new EntityCandidate(Entity.named("Joel Zwick"), MatchKind.FULL_TEXT, 0.5));
            }
        };
        TopicLinker withFullText = new TopicLinker(NameIndex.build(ENTITIES), fuzzy, 1);
        Linking l = withFullText.link("films by joel zwik");
        assertEquals(LinkSource.FULL_TEXT, l.topics().get(0).source());
        assertEquals("Joel Zwick", l.topics().get(0).entity().key());
        assertTrue(l.topics().get(0).candidates().get(0).score() <= TopicLinker.FULL_TEXT_CAP);
    }

    @Test
    void givenTopicsResolveByKeyOrNameAndFindTheirMention() {
        Linking l = linker.given("which player in tigres uanl is from mexico", List.of("Tigres_UANL", "Mexico"));
        assertEquals(2, l.topics().size());
        assertEquals("tigres uanl", l.topics().get(0).mention());
        assertEquals(LinkSource.GIVEN, l.topics().get(1).source());
        assertThrows(EntityNotFoundException.class, () -> linker.given("q", List.of("nope")));
        assertThrows(InvalidInputException.class, () -> linker.given("q", List.of()));
    }

    @Test
    void questionWordsAloneDoNotWin() {
        TopicLinker l = new TopicLinker(NameIndex.build(List.of(Entity.named("The"), Entity.named("Kismet"))), null, 1);
        assertEquals("Kismet", l.link("who directed the Kismet").topics().get(0).entity().key());
        assertFalse(l.link("who directed the Kismet").mentions().isEmpty());
    }
}
