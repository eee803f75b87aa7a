package dev.ariadne.core.graph;

import dev.ariadne.core.error.InvalidInputException;
import java.util.Objects;

/**
 * A relation type plus the direction it is walked in. Text form: {@code directed_by} walks
 * {@code (a)-[:directed_by]->(b)}, {@code ~directed_by} walks {@code (a)<-[:directed_by]-(b)}.
 *
 * <p>A type may hold any characters Neo4j allows in a (quoted) relationship type, including dots and
 * underscores ({@code people.person.nationality}, {@code __music__album__artist}), except the ones the
 * path syntax reserves: a leading {@code ~}, commas, {@code ->}, control characters, and whitespace at
 * either end.
 */
public record DirectedRelation(String type, Direction direction) implements Comparable<DirectedRelation> {
    public static final char INVERSE_MARK = '~';
    static final int MAX_TYPE_LENGTH = 1024;

    public DirectedRelation {
        Objects.requireNonNull(direction, "direction");
        String problem = typeProblem(type);
        if (problem != null) {
            throw new InvalidInputException("invalid relation type '" + type + "': " + problem);
        }
    }

    public static DirectedRelation forward(String type) {
        return new DirectedRelation(type, Direction.FORWARD);
    }

    public static DirectedRelation backward(String type) {
        return new DirectedRelation(type, Direction.BACKWARD);
    }

    /** Parses {@code r} or {@code ~r}; surrounding whitespace is ignored. */
    public static DirectedRelation parse(String text) {
        if (text == null) {
            throw new InvalidInputException("invalid relation: null");
        }
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("invalid relation: empty text (expected 'type' or '~type')");
        }
        if (t.charAt(0) == INVERSE_MARK) {
            return new DirectedRelation(t.substring(1).strip(), Direction.BACKWARD);
        }
        return new DirectedRelation(t, Direction.FORWARD);
    }

    /** Why {@code type} cannot be a relation type, or null when it can. */
    public static String typeProblem(String type) {
        if (type == null) {
            return "type is null";
        }
        if (type.isEmpty()) {
            return "type is empty";
        }
        if (type.length() > MAX_TYPE_LENGTH) {
            return "type is longer than " + MAX_TYPE_LENGTH + " characters";
        }
        if (!type.equals(type.strip())) {
            return "type has whitespace at its start or end";
        }
        if (type.charAt(0) == INVERSE_MARK) {
            return "type starts with '~' (the inverse mark goes once, before the type)";
        }
        if (type.indexOf(',') >= 0) {
            return "type contains ',' (the path separator)";
        }
        if (type.contains("->")) {
            return "type contains '->' (the path separator)";
        }
        for (int i = 0; i < type.length(); i++) {
            if (Character.isISOControl(type.charAt(i))) {
                return "type contains a control character at index " + i;
            }
        }
        return null;
    }

    public boolean isInverse() {
        return direction == Direction.BACKWARD;
    }

    public DirectedRelation reverse() {
        return new DirectedRelation(type, direction.reverse());
    }

    /** The text form: {@code type} or {@code ~type}. */
    public String format() {
        return direction == Direction.BACKWARD ? INVERSE_MARK + type : type;
    }

    @Override
    public int compareTo(DirectedRelation o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : direction.compareTo(o.direction);
    }

    @Override
    public String toString() {
        return format();
    }
}
