package dev.ariadne.core.mapping;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.error.InvalidInputException;

/**
 * A node property that is an answerable fact: in relation paths it is a relation like any other, from the
 * node to its value ({@code released}: The Matrix -> 1999) and back ({@code ~released}: 1999 -> the films
 * released then). Values come back as literal entities whose key is {@link #LITERAL_PREFIX} and the value's
 * text ({@code =1999}) and whose name is the text; a list-valued property gives one value per element.
 *
 * @param property the node property, exactly as in the database
 * @param relation its name in relation paths (default: the property's name); must not be a relationship type
 * @param list     whether values are lists: going back from a value then also finds lists holding it, which
 *                 reads every node of the label (a scalar value is found through an index when there is one)
 */
public record Attribute(String property, String relation, boolean list) {
    /** Starts the key of a literal value, so it can never be taken for an element id or a typical key. */
    public static final String LITERAL_PREFIX = "=";

    public Attribute {
        property = GraphMapping.requireName(property, "attribute property");
        relation = relation == null ? property : GraphMapping.requireName(relation, "attribute relation");
        String problem = DirectedRelation.typeProblem(relation);
        if (problem != null) {
            throw new InvalidInputException("attribute " + property + ": '" + relation + "' cannot name a relation: " + problem);
        }
    }

    public static Attribute of(String property) {
        return new Attribute(property, property, false);
    }

    /** Whether {@code key} is a literal value's key. */
    public static boolean isLiteralKey(String key) {
        return key.startsWith(LITERAL_PREFIX);
    }

    /**
     * The property values a literal's text may stand for: the text, the number it spells, a date
     * ({@code 1999-03-31}), a date-time or a boolean, so that going back from {@code =1999} finds {@code released: 1999}.
     */
    public static java.util.List<Object> values(String text) {
        java.util.List<Object> out = new java.util.ArrayList<>(EntityLabel.keyValues(text));
        if (text.equals("true") || text.equals("false")) {
            out.add(Boolean.parseBoolean(text));
        }
        if (text.length() >= 10 && text.charAt(4) == '-') {
            for (java.util.function.Function<String, Object> parse : java.util.List.<java.util.function.Function<String, Object>>of(
                    java.time.LocalDate::parse, java.time.ZonedDateTime::parse, java.time.LocalDateTime::parse)) {
                try {
                    out.add(parse.apply(text));
                } catch (java.time.format.DateTimeParseException notThisKind) {
                    // try the next
                }
            }
        }
        return out;
    }

    /** The key of a literal value written as {@code text}. */
    public static String literalKey(String text) {
        return LITERAL_PREFIX + text;
    }
}
