package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;

/**
 * An IRN gold path {@code e0#r1#e1#r2#e2}, optionally ending {@code #<end>#eN} (a marker, not a
 * relation): the entities it visits and the directed relations between them.
 */
public record IrnPath(List<String> entities, RelationPath relations) {
    static final String END = "<end>";

    public IrnPath {
        entities = List.copyOf(entities);
    }

    public String topic() {
        return entities.get(0);
    }

    /** Parses one path; a problem is reported against {@code at}. */
    public static IrnPath parse(String text, SourceLine at) {
        String[] t = DatasetLines.fields(text.strip(), '#');
        if (t.length < 3 || t.length % 2 == 0) {
            throw new DatasetFormatException(at, "expected a gold path 'e0#r1#e1[#r2#e2...][#<end>#eN]' "
                    + "(entities and relations alternating, odd count), got " + t.length + " '#'-separated parts in '"
                    + text + "'");
        }
        int n = t.length;
        if (t[n - 2].equals(END)) {
            n -= 2;
            if (n < 3) {
                throw new DatasetFormatException(at, "gold path '" + text + "' has no relation before '<end>'");
            }
        }
        List<String> entities = new ArrayList<>();
        List<DirectedRelation> hops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String part = t[i].strip();
            if (part.isEmpty()) {
                throw new DatasetFormatException(at, "part " + (i + 1) + " of gold path '" + text + "' is empty (expected "
                        + (i % 2 == 0 ? "an entity" : "a relation") + ")");
            }
            if (i % 2 == 0) {
                entities.add(part);
            } else {
                if (part.equals(END)) {
                    throw new DatasetFormatException(at, "'<end>' may only come last ('...#<end>#eN') in gold path '"
                            + text + "'");
                }
                try {
                    hops.add(IrnRelations.toDirected(part));
                } catch (InvalidInputException e) {
                    throw new DatasetFormatException(at, "relation " + (i / 2 + 1) + " of gold path '" + text + "': "
                            + e.getMessage(), e);
                }
            }
        }
        return new IrnPath(entities, new RelationPath(hops));
    }
}
