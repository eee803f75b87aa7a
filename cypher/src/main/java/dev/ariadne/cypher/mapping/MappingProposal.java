package dev.ariadne.cypher.mapping;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.connect.GraphModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.ConstraintType;

/**
 * The mapping Ariadne proposes for a database it did not load, from a {@link GraphInspection}:
 * <ul>
 *   <li>every label with nodes is an entity label, the most frequent first (so a node labelled
 *       {@code :Person:Actor} takes its key and name from {@code Person});</li>
 *   <li>the key is a property with a single-property uniqueness constraint (the best covered one), else the
 *       element id; when two labels' keys share a value, the later label keys by element id;</li>
 *   <li>the names are the text properties among {@link #NAME_PROPERTIES} the label has, the best covered
 *       first; a label with none of them takes text properties whose name contains "name" or "title";</li>
 *   <li>aliases are the text properties named like {@link #ALIAS_PROPERTIES};</li>
 *   <li>every other property with answerable values is an attribute named as the property;</li>
 *   <li>every relationship type is followed.</li>
 * </ul>
 * A store Ariadne loaded itself ({@code :Entity} only, with its key constraint) is recognised without
 * sampling and gets {@link GraphMapping#ariadneLayout()}.
 */
public final class MappingProposal {
    /** Property names that hold a display name, in order of preference when coverage ties. */
    public static final List<String> NAME_PROPERTIES = List.of("name", "title", "displayName", "fullName",
            "label", "username", "caption");
    /** Property names (compared ignoring case) that hold further names for linking. */
    public static final Set<String> ALIAS_PROPERTIES = Set.of("alias", "aliases", "synonyms", "alternatenames",
            "altnames", "othernames", "nickname", "nicknames", "aka", "alsoknownas");

    private MappingProposal() {
    }

    /** The mapping for the database: Ariadne's layout when it is an Ariadne store (or empty), else a proposal. */
    public static GraphMapping detect(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            return detect(tx);
        }
    }

    /** {@link #detect(GraphDatabaseService)} in a caller's transaction (procedures). */
    public static GraphMapping detect(Transaction tx) {
        {
            if (isAriadneStore(tx)) {
                return GraphMapping.ariadneLayout();
            }
            GraphInspection inspection = GraphInspector.inspect(tx);
            if (inspection.labels().isEmpty()) {
                return GraphMapping.ariadneLayout();
            }
            GraphMapping proposed = propose(inspection);
            // keys shared across labels (a person and a film both named "Kismet"): the later label keys by element id
            for (String[] clash = MappingCheck.keyClash(tx, proposed); clash != null; clash = MappingCheck.keyClash(tx, proposed)) {
                String later = clash[1];
                GraphMapping.Builder b = GraphMapping.builder();
                for (EntityLabel l : proposed.labels()) {
                    b.label(!l.label().equals(later) ? l : new EntityLabel(l.label(), Optional.empty(), l.nameProperties(),
                            l.aliasProperties(), l.attributes()));
                }
                proposed = b.build();
            }
            return proposed;
        }
    }

    /** No label but {@code :Entity}, which has the loader's key constraint (or no label at all: an empty store). */
    static boolean isAriadneStore(Transaction tx) {
        List<String> labels = new ArrayList<>();
        tx.getAllLabelsInUse().forEach(l -> labels.add(l.name()));
        if (labels.isEmpty()) {
            return true;
        }
        if (!labels.equals(List.of(GraphModel.ENTITY_LABEL))) {
            return false;
        }
        for (ConstraintDefinition c : tx.schema().getConstraints(Label.label(GraphModel.ENTITY_LABEL))) {
            if (c.isConstraintType(ConstraintType.UNIQUENESS)
                    && List.of(GraphModel.KEY).equals(toList(c.getPropertyKeys()))) {
                return true;
            }
        }
        return false;
    }

    public static GraphMapping propose(GraphInspection inspection) {
        GraphMapping.Builder b = GraphMapping.builder();
        for (GraphInspection.LabelInfo l : inspection.labels()) {
            EntityLabel named = EntityLabel.of(l.name(), key(l).orElse(null), names(l), aliases(l));
            b.label(named.withAttributes(attributes(l, named, inspection.relationships().keySet())));
        }
        return b.build();
    }

    /**
     * Every other property with values of an answerable kind (text, number, boolean, date or time, or a list
     * of them), named as in the data; a name that is a relationship type or cannot be written in a path is
     * left out, and so is text that is mostly unique and long (a description is not a fact to plan over).
     */
    private static List<Attribute> attributes(GraphInspection.LabelInfo l, EntityLabel named, Set<String> types) {
        List<Attribute> out = new ArrayList<>();
        for (Map.Entry<String, GraphInspection.PropertyInfo> p : l.properties().entrySet()) {
            String name = p.getKey();
            GraphInspection.PropertyInfo info = p.getValue();
            if (named.keyProperty().equals(Optional.of(name)) || named.searchedProperties().contains(name)
                    || types.contains(name) || DirectedRelation.typeProblem(name) != null || info.kinds().isEmpty()
                    || !ANSWERABLE.contains(info.kinds().get(0).replace("LIST<", "").replace(">", ""))) {
                continue;
            }
            out.add(new Attribute(name, name, info.kinds().get(0).startsWith("LIST<")));
        }
        return out;
    }

    /** Value kinds an attribute may have. */
    private static final Set<String> ANSWERABLE = Set.of("STRING", "INTEGER", "FLOAT", "BOOLEAN", "DATE", "DATETIME",
            "LOCAL DATETIME", "TIME");

    private static Optional<String> key(GraphInspection.LabelInfo l) {
        return l.uniqueKeys().stream()
                .max(Comparator.comparingLong((String p) -> present(l, p)).thenComparing(Comparator.reverseOrder()));
    }

    private static List<String> names(GraphInspection.LabelInfo l) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, GraphInspection.PropertyInfo> p : l.properties().entrySet()) {
            if (p.getValue().mostlyText() && NAME_PROPERTIES.contains(p.getKey())) {
                names.add(p.getKey());
            }
        }
        if (names.isEmpty()) {
            for (Map.Entry<String, GraphInspection.PropertyInfo> p : l.properties().entrySet()) {
                String lower = p.getKey().toLowerCase(Locale.ROOT);
                if (p.getValue().mostlyText() && (lower.contains("name") || lower.contains("title"))
                        && !ALIAS_PROPERTIES.contains(lower)) {
                    names.add(p.getKey());
                }
            }
        }
        names.sort(Comparator.comparingLong((String p) -> present(l, p)).reversed()
                .thenComparingInt(p -> NAME_PROPERTIES.contains(p) ? NAME_PROPERTIES.indexOf(p) : NAME_PROPERTIES.size()));
        return names;
    }

    private static List<String> aliases(GraphInspection.LabelInfo l) {
        Optional<String> key = key(l);
        List<String> aliases = new ArrayList<>();
        for (Map.Entry<String, GraphInspection.PropertyInfo> p : l.properties().entrySet()) {
            if (p.getValue().mostlyText() && ALIAS_PROPERTIES.contains(p.getKey().toLowerCase(Locale.ROOT))
                    && !key.equals(Optional.of(p.getKey()))) {
                aliases.add(p.getKey());
            }
        }
        return aliases;
    }

    private static long present(GraphInspection.LabelInfo l, String property) {
        GraphInspection.PropertyInfo p = l.properties().get(property);
        return p == null ? 0 : p.present();
    }

    private static List<String> toList(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
