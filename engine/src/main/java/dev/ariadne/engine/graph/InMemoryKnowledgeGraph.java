package dev.ariadne.engine.graph;

import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A knowledge graph held in memory ({@link InMemoryGraph}): no database, same path semantics. For tests,
 * training without Neo4j, and small graphs.
 */
public final class InMemoryKnowledgeGraph implements KnowledgeGraph {
    private final InMemoryGraph graph;
    private final List<Entity> entities;
    private final GraphSchema schema;

    private InMemoryKnowledgeGraph(InMemoryGraph graph, List<Entity> entities, GraphSchema schema) {
        this.graph = graph;
        this.entities = entities;
        this.schema = schema;
    }

    public static InMemoryKnowledgeGraph of(Collection<Triple> triples) {
        InMemoryGraph g = InMemoryGraph.of(triples);
        TreeSet<String> keys = new TreeSet<>();
        TreeMap<DirectedRelation, SortedSet<DirectedRelation>> adjacency = new TreeMap<>();
        // relation adjacency: r1 then r2 possible when some entity reached by r1 has an edge of r2
        java.util.Map<String, java.util.Set<DirectedRelation>> arrivals = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<DirectedRelation>> departures = new java.util.HashMap<>();
        for (Triple t : triples) {
            keys.add(t.subject());
            keys.add(t.object());
            arrivals.computeIfAbsent(t.object(), k -> new java.util.HashSet<>()).add(DirectedRelation.forward(t.relation()));
            arrivals.computeIfAbsent(t.subject(), k -> new java.util.HashSet<>()).add(DirectedRelation.backward(t.relation()));
            departures.computeIfAbsent(t.subject(), k -> new java.util.HashSet<>()).add(DirectedRelation.forward(t.relation()));
            departures.computeIfAbsent(t.object(), k -> new java.util.HashSet<>()).add(DirectedRelation.backward(t.relation()));
        }
        arrivals.forEach((node, in) -> {
            for (DirectedRelation r1 : in) {
                adjacency.computeIfAbsent(r1, k -> new TreeSet<>()).addAll(departures.getOrDefault(node, java.util.Set.of()));
            }
        });
        List<Entity> entities = new ArrayList<>(keys.size());
        for (String k : keys) {
            entities.add(Entity.named(k));
        }
        GraphSchema schema = new GraphSchema(g.entityCount(), g.relationshipCount(), g.relationCounts(), adjacency);
        return new InMemoryKnowledgeGraph(g, List.copyOf(entities), schema);
    }

    public InMemoryGraph graph() {
        return graph;
    }

    @Override
    public GraphConstraint constraint() {
        return graph;
    }

    @Override
    public Retriever retriever() {
        return graph;
    }

    @Override
    public Optional<EntityLookup> lookup() {
        return Optional.empty();
    }

    @Override
    public GraphSchema schema() {
        return schema;
    }

    @Override
    public Iterable<Entity> entities() {
        return entities;
    }

    @Override
    public String describe() {
        return "in-memory graph (" + graph.entityCount() + " entities, " + graph.relationshipCount() + " relationships)";
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
