package dev.ariadne.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RelationPathTest {
    /** Replay a failure with -Dtests.seed=N. */
    private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

    private static final RelationPath TWO_HOP =
            RelationPath.of(DirectedRelation.backward("starred_actors"), DirectedRelation.forward("directed_by"));

    @Test
    void parsesCommaAndArrowForms() {
        assertEquals(TWO_HOP, RelationPath.parse("~starred_actors,directed_by"));
        assertEquals(TWO_HOP, RelationPath.parse("~starred_actors -> directed_by"));
        assertEquals(TWO_HOP, RelationPath.parse("  ~starred_actors ,  directed_by  "));
        assertEquals(TWO_HOP, RelationPath.parse("~starred_actors->directed_by"));
    }

    @Test
    void formatsBothForms() {
        assertEquals("~starred_actors,directed_by", TWO_HOP.format());
        assertEquals("~starred_actors -> directed_by", TWO_HOP.formatArrows());
        assertEquals(TWO_HOP.format(), TWO_HOP.toString());
    }

    @Test
    void blankTextIsTheEmptyPath() {
        assertSame(RelationPath.EMPTY, RelationPath.parse(""));
        assertSame(RelationPath.EMPTY, RelationPath.parse("   "));
        assertEquals("", RelationPath.EMPTY.format());
        assertEquals(0, RelationPath.EMPTY.length());
        assertTrue(RelationPath.EMPTY.isEmpty());
        assertThrows(IllegalStateException.class, RelationPath.EMPTY::last);
    }

    @Test
    void badTextNamesTheHopPosition() {
        assertEquals("invalid relation path 'a,,b': hop 2 of 3 is empty (expected 'type' or '~type')",
                message("a,,b"));
        assertEquals("invalid relation path 'a,': hop 2 of 2 is empty (expected 'type' or '~type')", message("a,"));
        assertEquals("invalid relation path '-> a': hop 1 of 2 is empty (expected 'type' or '~type')",
                message("-> a"));
        assertEquals("invalid relation path 'a,~~b': hop 2: invalid relation type '~b': type starts with '~'"
                + " (the inverse mark goes once, before the type)", message("a,~~b"));
        assertEquals("invalid relation path 'a,b,~': hop 3: invalid relation type '': type is empty",
                message("a,b,~"));
        assertTrue(message("a, b -> c").contains("mixes ',' and '->'"));
        assertEquals("invalid relation path: null",
                assertThrows(InvalidInputException.class, () -> RelationPath.parse(null)).getMessage());
    }

    @Test
    void badHopKeepsTheCause() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RelationPath.parse("a,~"));
        assertTrue(e.getCause() instanceof InvalidInputException);
    }

    private static String message(String text) {
        return assertThrows(InvalidInputException.class, () -> RelationPath.parse(text)).getMessage();
    }

    @Test
    void accessorsAndDerivedPaths() {
        assertEquals(2, TWO_HOP.length());
        assertEquals(DirectedRelation.backward("starred_actors"), TWO_HOP.hop(0));
        assertEquals(DirectedRelation.forward("directed_by"), TWO_HOP.last());
        assertEquals(RelationPath.parse("~starred_actors"), TWO_HOP.prefix(1));
        assertEquals(RelationPath.EMPTY, TWO_HOP.prefix(0));
        assertEquals(RelationPath.parse("~starred_actors,directed_by,~written_by"),
                TWO_HOP.append(DirectedRelation.backward("written_by")));
        assertEquals(RelationPath.parse("~directed_by,starred_actors"), TWO_HOP.reverse());
        assertEquals(TWO_HOP, TWO_HOP.reverse().reverse());
    }

    @Test
    void isImmutable() {
        List<DirectedRelation> hops = new ArrayList<>(List.of(DirectedRelation.forward("a")));
        RelationPath p = new RelationPath(hops);
        hops.add(DirectedRelation.forward("b"));
        assertEquals(1, p.length());
        assertThrows(UnsupportedOperationException.class, () -> p.hops().add(DirectedRelation.forward("c")));
    }

    @Test
    void equalityDependsOnOrderAndDirection() {
        assertEquals(RelationPath.parse("a,~b"), RelationPath.parse("a -> ~b"));
        assertNotEquals(RelationPath.parse("a,~b"), RelationPath.parse("~b,a"));
        assertNotEquals(RelationPath.parse("a,~b"), RelationPath.parse("a,b"));
        assertEquals(RelationPath.parse("a,~b").hashCode(), RelationPath.parse("a -> ~b").hashCode());
    }

    @Test
    void seededRandomRoundTrips() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            RelationPath path = randomPath(random);
            String context = "seed " + SEED + " (rerun with -Dtests.seed=" + SEED + "), path #" + i + ": "
                    + path.hops();
            assertEquals(path, RelationPath.parse(path.format()), context);
            assertEquals(path, RelationPath.parse(path.formatArrows()), context);
            assertEquals(path.format(), RelationPath.parse(path.formatArrows()).format(), context);
            for (DirectedRelation hop : path.hops()) {
                assertEquals(hop, DirectedRelation.parse(hop.format()), context);
            }
        }
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz_.-> ~`'\"ÅéЖ中:/#";

    private static RelationPath randomPath(Random random) {
        int length = random.nextInt(5);
        List<DirectedRelation> hops = new ArrayList<>();
        while (hops.size() < length) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String type = sb.toString();
            if (DirectedRelation.typeProblem(type) == null) {
                hops.add(new DirectedRelation(type, random.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD));
            }
        }
        return new RelationPath(hops);
    }
}
