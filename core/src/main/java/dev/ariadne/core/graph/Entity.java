package dev.ariadne.core.graph;

import java.util.Objects;

/**
 * A node of the knowledge graph as Ariadne sees it: its unique key (the id in the source, or the name
 * when the source has none) and a display name.
 */
public record Entity(String key, String name) implements Comparable<Entity> {
    public Entity {
        Objects.requireNonNull(key, "entity key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("entity key must not be empty");
        }
        name = name == null || name.isEmpty() ? key : name;
    }

    /** An entity whose key is its name, as in MetaQA where the source has no ids. */
    public static Entity named(String name) {
        return new Entity(name, name);
    }

    @Override
    public int compareTo(Entity other) {
        return key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return name.equals(key) ? name : name + " (" + key + ")";
    }
}
