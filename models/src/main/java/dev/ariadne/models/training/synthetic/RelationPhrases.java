package dev.ariadne.models.training.synthetic;

import dev.ariadne.core.error.InvalidInputException;
import java.util.List;

/**
 * How one relation type is said in each direction. {@code forward} words the hop from subject to object
 * ({@code directed_by}: from the film to its director), {@code inverse} the hop back. Every phrase and
 * question holds the slot {@code {X}} where the topic, or the phrase of the hops before, goes.
 */
public record RelationPhrases(Direction forward, Direction inverse) {
    /**
     * One direction: {@code phrases} are noun phrases ("the director of {X}", "{X} 's director") that nest
     * inside longer questions; {@code questions} are whole questions ending at this hop ("who directed {X}").
     */
    public record Direction(List<String> phrases, List<String> questions) {
        public Direction {
            phrases = List.copyOf(phrases);
            questions = List.copyOf(questions);
            if (phrases.isEmpty() && questions.isEmpty()) {
                throw new InvalidInputException("a relation direction needs at least one phrase or question");
            }
            for (String s : phrases) {
                requireSlot(s);
            }
            for (String s : questions) {
                requireSlot(s);
            }
        }

        private static void requireSlot(String s) {
            if (s == null || s.isBlank()) {
                throw new InvalidInputException("a relation phrase must not be blank");
            }
            int first = s.indexOf(RelationWording.SLOT);
            if (first < 0 || s.indexOf(RelationWording.SLOT, first + 1) >= 0) {
                throw new InvalidInputException("relation phrase '" + s + "' must hold the slot " + RelationWording.SLOT
                        + " exactly once");
            }
        }
    }

    /** The phrases of {@code type} derived from its name. */
    public static RelationPhrases derived(String type) {
        return RelationWording.derive(type);
    }

    /** The phrases of an attribute named {@code relation} (a property answered as its value), derived from its name. */
    public static RelationPhrases derivedAttribute(String relation) {
        return RelationWording.deriveAttribute(relation);
    }

    /** The direction a hop walks: {@link #forward} for {@code r}, {@link #inverse} for {@code ~r}. */
    public Direction of(boolean inverseHop) {
        return inverseHop ? inverse : forward;
    }
}
