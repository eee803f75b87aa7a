package dev.ariadne.core.graph;

import java.util.List;

/**
 * An entity-level path found in the graph: {@code e0 -r1-> e1 -r2-> e2}. Holds one more entity than
 * relations. Rendered as RoG prints paths: {@code e0 -> r1 -> e1 -> r2 -> e2}.
 */
public record ReasoningPath(List<Entity> entities, RelationPath relations) {
    public ReasoningPath {
        entities = List.copyOf(entities);
        if (entities.size() != relations.length() + 1) {
            throw new IllegalArgumentException("a reasoning path with " + relations.length()
                    + " relations needs " + (relations.length() + 1) + " entities, got " + entities.size());
        }
    }

    public Entity start() {
        return entities.get(0);
    }

    public Entity end() {
        return entities.get(entities.size() - 1);
    }

    public int length() {
        return relations.length();
    }

    /** {@code e0 -> r1 -> e1 -> ~r2 -> e2}, entities by display name. */
    public String render() {
        StringBuilder sb = new StringBuilder(entities.get(0).name());
        for (int i = 0; i < relations.length(); i++) {
            sb.append(" -> ").append(relations.hop(i).format()).append(" -> ").append(entities.get(i + 1).name());
        }
        return sb.toString();
    }

    /** {@code [e0] -r1-> [e1] <-r2- [e2]}: the direction of each stored relationship made visible. */
    public String renderArrows() {
        StringBuilder sb = new StringBuilder("[").append(entities.get(0).name()).append(']');
        for (int i = 0; i < relations.length(); i++) {
            DirectedRelation r = relations.hop(i);
            sb.append(r.isInverse() ? " <-" + r.type() + "- " : " -" + r.type() + "-> ");
            sb.append('[').append(entities.get(i + 1).name()).append(']');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
