package dev.ariadne.core.mapping;

import dev.ariadne.core.error.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the nodes of one label are entities: where their key comes from and which properties name them.
 *
 * @param label          the node label, exactly as in the database
 * @param keyProperty    the property holding the entity's key (one with a uniqueness constraint, as a rule),
 *                       or empty for the node's element id. Element ids are stable while the database lives
 *                       but are not kept by a dump and load into a new store: planner files hold no keys,
 *                       but saved traces and question files naming element ids must be regenerated then
 * @param nameProperties the display name is the first of these a node has (the key when it has none)
 * @param aliasProperties further names linking matches text against (never shown)
 * @param attributes     properties that are answerable facts, as relations to their values
 */
public record EntityLabel(String label, Optional<String> keyProperty, List<String> nameProperties,
                          List<String> aliasProperties, List<Attribute> attributes) {
    public EntityLabel {
        label = GraphMapping.requireName(label, "label");
        Objects.requireNonNull(keyProperty, "keyProperty");
        if (keyProperty.isPresent()) {
            GraphMapping.requireName(keyProperty.get(), "key property of label " + label);
        }
        nameProperties = distinct(nameProperties, "name property of label " + label);
        aliasProperties = distinct(aliasProperties, "alias property of label " + label);
        if (keyProperty.isPresent() && aliasProperties.contains(keyProperty.get())) {
            throw new InvalidInputException("label " + label + ": the key property " + keyProperty.get()
                    + " cannot also be an alias");
        }
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        LinkedHashSet<String> relations = new LinkedHashSet<>();
        for (Attribute a : attributes) {
            if (!relations.add(a.relation())) {
                throw new InvalidInputException("label " + label + ": two attributes are named " + a.relation());
            }
        }
    }

    /** Key from {@code keyProperty} (null: the element id), names as given, no attributes. */
    public static EntityLabel of(String label, String keyProperty, List<String> names, List<String> aliases) {
        return new EntityLabel(label, Optional.ofNullable(keyProperty), names, aliases, List.of());
    }

    /** This label with {@code attributes} instead of its own. */
    public EntityLabel withAttributes(List<Attribute> attributes) {
        return new EntityLabel(label, keyProperty, nameProperties, aliasProperties, attributes);
    }

    /** The attribute named {@code relation} in paths, if this label has it. */
    public Optional<Attribute> attribute(String relation) {
        return attributes.stream().filter(a -> a.relation().equals(relation)).findFirst();
    }

    /** Name properties then alias properties, each once: what linking searches. */
    public List<String> searchedProperties() {
        LinkedHashSet<String> all = new LinkedHashSet<>(nameProperties);
        all.addAll(aliasProperties);
        return List.copyOf(all);
    }

    /**
     * The property values a key's text may stand for: the text itself, and the integer or float it spells
     * exactly (a key is a property's value written as text, so {@code 42} finds {@code id: 42}).
     */
    public static List<Object> keyValues(String key) {
        try {
            return List.of(key, Long.parseLong(key));
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(key);
                return Double.toString(d).equals(key) ? List.of(key, d) : List.of(key);
            } catch (NumberFormatException notNumber) {
                return List.of(key);
            }
        }
    }

    private static List<String> distinct(List<String> names, String what) {
        Objects.requireNonNull(names, what);
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            if (!seen.add(GraphMapping.requireName(n, what))) {
                throw new InvalidInputException(what + " listed twice: " + n);
            }
        }
        return List.copyOf(seen);
    }
}
