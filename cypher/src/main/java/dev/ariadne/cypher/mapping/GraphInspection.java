package dev.ariadne.cypher.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What {@link GraphInspector} read from a database: its labels with their properties, its relationship
 * types with the labels they join, and the full-text indexes. Property figures come from a sample of each
 * label's nodes ({@link GraphInspector#SAMPLE} at most), so they are estimates on large labels.
 *
 * @param labels        every label in use, the most frequent first
 * @param relationships every relationship type in use, by name
 * @param fullTextIndexes full-text node indexes by name
 */
public record GraphInspection(List<LabelInfo> labels, SortedMap<String, RelationshipInfo> relationships,
                              SortedMap<String, FullTextIndex> fullTextIndexes) {
    public GraphInspection {
        labels = List.copyOf(labels);
        relationships = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(relationships));
        fullTextIndexes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(fullTextIndexes));
    }

    public Optional<LabelInfo> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /**
     * One label.
     *
     * @param name        the label
     * @param nodes       how many nodes have it
     * @param sampled     how many of them the property figures come from
     * @param properties  per property key seen in the sample: its figures, the most common key first
     * @param uniqueKeys  single properties with a uniqueness (or node key) constraint on this label
     */
    public record LabelInfo(String name, long nodes, long sampled, Map<String, PropertyInfo> properties,
                            List<String> uniqueKeys) {
        public LabelInfo {
            properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
            uniqueKeys = List.copyOf(uniqueKeys);
        }
    }

    /**
     * One property of a label, over the sample.
     *
     * @param present  sampled nodes that have it
     * @param kinds    value kinds seen ({@code STRING}, {@code INTEGER}, {@code FLOAT}, {@code BOOLEAN},
     *                 {@code DATE}, {@code DATETIME}, {@code LIST<STRING>}, ...), most common first
     * @param distinct distinct values among the sampled ones (at most the sample size)
     */
    public record PropertyInfo(long present, List<String> kinds, long distinct) {
        public PropertyInfo {
            kinds = List.copyOf(kinds);
        }

        public boolean mostlyText() {
            return !kinds.isEmpty() && (kinds.get(0).equals("STRING") || kinds.get(0).equals("LIST<STRING>"));
        }
    }

    /**
     * One relationship type.
     *
     * @param count      relationships of this type
     * @param signatures {@code "Person->Movie"} with how many sampled relationships join those labels
     */
    public record RelationshipInfo(long count, SortedMap<String, Long> signatures) {
        public RelationshipInfo {
            signatures = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(signatures));
        }
    }

    /** A full-text index over nodes: the labels and properties it covers, and whether it is online. */
    public record FullTextIndex(List<String> labels, List<String> properties, boolean online) {
        public FullTextIndex {
            labels = List.copyOf(labels);
            properties = List.copyOf(properties);
        }
    }
}
