package dev.ariadne.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class EntitySchemaTest {
    @Test
    void quotesTypesWithBackticksDoubled() {
        assertEquals("`directed_by`", EntitySchema.quoteType("directed_by"));
        assertEquals("`people.person.nationality`", EntitySchema.quoteType("people.person.nationality"));
        assertEquals("`has``tick`", EntitySchema.quoteType("has`tick"));
        assertEquals("`x``]-(m) DETACH DELETE m //`", EntitySchema.quoteType("x`]-(m) DETACH DELETE m //"));
    }

    @Test
    void refusesWhatCannotBeQuotedSafely() {
        assertTrue(assertThrows(InvalidInputException.class, () -> EntitySchema.quoteType("a,b")).getMessage()
                .contains("','"));
        assertTrue(assertThrows(InvalidInputException.class, () -> EntitySchema.quoteType("x\\u0060y")).getMessage()
                .contains("backslash"));
        assertThrows(InvalidInputException.class, () -> EntitySchema.quoteType(null));
    }

    @Test
    void mergeStatementTakesTheTypeOnlyThroughQuoteType() {
        String statement = BoltWriter.mergeStatement("it's `odd`");
        assertTrue(statement.startsWith("UNWIND $rows AS row\n"), statement);
        assertTrue(statement.endsWith("MERGE (s)-[:`it's ``odd```]->(o)"), statement);
        assertThrows(InvalidInputException.class, () -> BoltWriter.mergeStatement("~bad"));
    }
}
