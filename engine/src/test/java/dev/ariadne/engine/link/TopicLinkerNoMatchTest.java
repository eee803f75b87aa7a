package dev.ariadne.engine.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.TopicNotFoundException;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.link.MatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A question naming nothing in the graph: the full-text index (like Lucene on "the", "film") scores many
 * names for the question's function words; linking must say nothing matched, not "ambiguous".
 */
class TopicLinkerNoMatchTest {
    private static final List<Entity> ENTITIES = List.of(Entity.named("The Glass Orchard"), Entity.named("The Quiet Film"),
            Entity.named("The Salt Road"), Entity.named("Petra Vossberg"), Entity.named("Nine Lanterns"));

    /** Scores every name sharing a lower-cased word with the query (ties at the same score), as Lucene would. */
    private static class WordLookup implements EntityLookup {
        final List<String> queries = new ArrayList<>();

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
            queries.add(text);
            List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
            List<EntityCandidate> out = new ArrayList<>();
            for (Entity e : ENTITIES) {
                for (String t : e.name().toLowerCase(Locale.ROOT).split(" ")) {
                    if (words.contains(t)) {
                        out.add(new EntityCandidate(e, MatchKind.FULL_TEXT, 2.5));
                        break;
                    }
                }
            }
            return out.subList(0, Math.min(limit, out.size()));
        }
    }

    @Test
    void aNonsenseNameIsNotFoundRatherThanAmbiguous() {
        WordLookup lookup = new WordLookup();
        TopicLinker linker = new TopicLinker(NameIndex.build(ENTITIES), lookup, 1);
        TopicNotFoundException e = assertThrows(TopicNotFoundException.class,
                () -> linker.link("Who directed the film Zzyzx Qwerty?"));
        assertTrue(e.getMessage().startsWith("no entity in the graph matches 'Who directed the film Zzyzx Qwerty?'"), e.getMessage());
        // the index was asked only for the words that can name something
        assertEquals(List.of("directed zzyzx qwerty"), lookup.queries);
    }

    @Test
    void noMatchNamesTheClosestNames() {
        TopicLinker linker = new TopicLinker(NameIndex.build(ENTITIES), null, 1);
        TopicNotFoundException e = assertThrows(TopicNotFoundException.class,
                () -> linker.link("who directed Glas Orchad"));
        assertEquals("The Glass Orchard", e.closest().get(0).name());
        assertTrue(e.getMessage().contains("closest names: 'The Glass Orchard'"), e.getMessage());
        TopicNotFoundException none = assertThrows(TopicNotFoundException.class, () -> linker.link("Zzyzx Qwerty?"));
        assertTrue(none.closest().isEmpty(), none.closest().toString());
        assertFalse(none.getMessage().contains("closest"), none.getMessage());
    }

    @Test
    void fullTextCandidatesKeepTheirRankingInsteadOfTyingAtTheCap() {
        EntityLookup ranked = new WordLookup() {
            @Override
            public List<EntityCandidate> fuzzy(String text, int limit) {
                return List.of(new EntityCandidate(Entity.named("The Salt Road"), MatchKind.FULL_TEXT, 3.0),
                        new EntityCandidate(Entity.named("Nine Lanterns"), MatchKind.FULL_TEXT, 2.0));
            }
        };
        TopicLinker linker = new TopicLinker(NameIndex.build(ENTITIES), ranked, 1);
        Linking l = linker.link("who walked salt roads");
        assertEquals("The Salt Road", l.topics().get(0).entity().key());
        List<EntityCandidate> c = l.topics().get(0).candidates();
        assertEquals(1, c.size(), "Nine Lanterns shares no word with the question: " + c);
        assertEquals(TopicLinker.FULL_TEXT_CAP, c.get(0).score(), 1e-9);
    }
}
