package dev.ariadne.core.plan;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import java.util.ArrayList;
import java.util.List;

/**
 * What the live graph allows a planner to emit. Implemented over Neo4j in {@code cypher}; planners use
 * it to grow relation paths hop by hop so every plan they return is non-empty from its topic.
 */
@FunctionalInterface
public interface GraphConstraint {
    /**
     * The directed relations present on the frontier reached by following {@code prefix} from
     * {@code topic} (the topic's own relations when {@code prefix} is empty), with frontier sizes,
     * ordered by relation. Empty when the prefix itself reaches nothing.
     */
    List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix);

    /**
     * The relations of {@link #nextRelations}, in its order, without frontier sizes: all a planner needs to
     * grow only non-empty paths. An implementation may answer it without counting every entity reached (a
     * relation is known to be present at its first valid neighbour); this default asks {@link #nextRelations}.
     */
    default List<DirectedRelation> nextRelationTypes(Entity topic, RelationPath prefix) {
        List<RelationFrontier> frontiers = nextRelations(topic, prefix);
        List<DirectedRelation> out = new ArrayList<>(frontiers.size());
        for (RelationFrontier f : frontiers) {
            out.add(f.relation());
        }
        return out;
    }
}
