package dev.ariadne.cypher.retrieve;

import org.neo4j.values.storable.ArrayValue;
import org.neo4j.values.storable.TemporalValue;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * A property value written as text the way Cypher's {@code toString} writes it, so that a key, a name or a
 * literal read on the kernel's cursors, through the Core API or by a Cypher query is the same string
 * ({@code 1999}, {@code 2.5}, {@code 1999-03-31}, {@code 2024-01-01T00:00:00Z}). A list's elements are joined
 * with ", " where one text stands for the whole list (a name kept as parts).
 */
public final class LiteralText {
    private LiteralText() {
    }

    /** A Core API property value (boxed, array or temporal). */
    public static String of(Object value) {
        return value == null ? null : of(Values.of(value));
    }

    public static String of(Value v) {
        if (v == null || v == Values.NO_VALUE) {
            return null;
        }
        if (v instanceof TextValue t) {
            return t.stringValue();
        }
        if (v instanceof TemporalValue<?, ?> t) {
            return t.prettyPrint();
        }
        if (v instanceof ArrayValue a) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.intSize(); i++) {
                sb.append(i == 0 ? "" : ", ").append(of((Value) a.value(i)));
            }
            return sb.toString();
        }
        return v.asObjectCopy().toString();
    }
}
