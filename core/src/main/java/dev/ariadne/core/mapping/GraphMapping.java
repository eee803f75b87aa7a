package dev.ariadne.core.mapping;

import dev.ariadne.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which parts of a Neo4j graph Ariadne answers over: the labels whose nodes are entities (in order of
 * precedence: a node with two mapped labels takes its key, name and attributes from the first), their
 * {@link Attribute attributes}, and the relationship types it follows (all types between entities, or only {@code includedTypes}, less {@code excludedTypes}).
 * The graph {@code ariadne load} builds is {@link #ariadneLayout()}.
 *
 * <p>Immutable. A mapping is only well-formed here; whether its labels, properties and types exist in a given
 * database is checked against that database before any query uses it (the cypher module's validator), and
 * only names that passed that check are ever quoted into Cypher.
 */
public final class GraphMapping {
    /** Ariadne's own layout: {@code (:Entity {key, name})}, every relationship type. */
    private static final GraphMapping ARIADNE = new GraphMapping(
            List.of(EntityLabel.of("Entity", "key", List.of("name"), List.of())), Set.of(), Set.of());

    private final Map<String, EntityLabel> labels;
    private final SortedSet<String> includedTypes;
    private final SortedSet<String> excludedTypes;
    private final SortedSet<String> attributeRelations;

    private GraphMapping(List<EntityLabel> labels, Collection<String> included, Collection<String> excluded) {
        if (labels.isEmpty()) {
            throw new InvalidInputException("a graph mapping needs at least one entity label");
        }
        Map<String, EntityLabel> byName = new LinkedHashMap<>();
        for (EntityLabel l : labels) {
            if (byName.putIfAbsent(l.label(), l) != null) {
                throw new InvalidInputException("label " + l.label() + " is mapped twice");
            }
        }
        this.labels = java.util.Collections.unmodifiableMap(byName);
        this.includedTypes = names(included, "included relationship type");
        this.excludedTypes = names(excluded, "excluded relationship type");
        for (String t : includedTypes) {
            if (excludedTypes.contains(t)) {
                throw new InvalidInputException("relationship type " + t + " is both included and excluded");
            }
        }
        TreeSet<String> attributes = new TreeSet<>();
        for (EntityLabel l : labels) {
            l.attributes().forEach(a -> attributes.add(a.relation()));
        }
        for (String a : attributes) {
            if (includedTypes.contains(a) || excludedTypes.contains(a)) {
                throw new InvalidInputException(a + " names an attribute and is listed as a relationship type");
            }
        }
        this.attributeRelations = java.util.Collections.unmodifiableSortedSet(attributes);
    }

    public static GraphMapping ariadneLayout() {
        return ARIADNE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether this is Ariadne's own {@code (:Entity {key, name})} layout, which has faster paths. */
    public boolean isAriadneLayout() {
        return equals(ARIADNE);
    }

    /** The entity labels, in precedence order. */
    public List<EntityLabel> labels() {
        return List.copyOf(labels.values());
    }

    public Optional<EntityLabel> label(String name) {
        return Optional.ofNullable(labels.get(name));
    }

    /** Empty: every type between entities. */
    public SortedSet<String> includedTypes() {
        return includedTypes;
    }

    public SortedSet<String> excludedTypes() {
        return excludedTypes;
    }

    /** Whether retrieval and planning follow this relation: an attribute, or a relationship type not filtered out. */
    public boolean follows(String type) {
        return attributeRelations.contains(type)
                || (includedTypes.isEmpty() || includedTypes.contains(type)) && !excludedTypes.contains(type);
    }

    /** The relation names of every label's attributes. */
    public SortedSet<String> attributeRelations() {
        return attributeRelations;
    }

    /** Whether {@code relation} is an attribute (of some label) rather than a relationship type. */
    public boolean isAttribute(String relation) {
        return attributeRelations.contains(relation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphMapping m && labels().equals(m.labels()) && includedTypes.equals(m.includedTypes)
                && excludedTypes.equals(m.excludedTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels(), includedTypes, excludedTypes);
    }

    @Override
    public String toString() {
        return "GraphMapping" + labels() + (includedTypes.isEmpty() ? "" : " types " + includedTypes)
                + (excludedTypes.isEmpty() ? "" : " less " + excludedTypes);
    }

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("a " + what + " must be a non-empty name");
        }
        return name;
    }

    private static SortedSet<String> names(Collection<String> names, String what) {
        TreeSet<String> out = new TreeSet<>();
        for (String n : Objects.requireNonNull(names, what)) {
            out.add(requireName(n, what));
        }
        return java.util.Collections.unmodifiableSortedSet(out);
    }

    /** Collects labels and type filters; {@link #build} checks them all at once. */
    public static final class Builder {
        private final List<EntityLabel> labels = new ArrayList<>();
        private final List<String> included = new ArrayList<>();
        private final List<String> excluded = new ArrayList<>();

        private Builder() {
        }

        public Builder label(EntityLabel label) {
            labels.add(Objects.requireNonNull(label, "label"));
            return this;
        }

        public Builder include(Collection<String> types) {
            included.addAll(types);
            return this;
        }

        public Builder exclude(Collection<String> types) {
            excluded.addAll(types);
            return this;
        }

        public GraphMapping build() {
            return new GraphMapping(labels, included, excluded);
        }
    }
}
