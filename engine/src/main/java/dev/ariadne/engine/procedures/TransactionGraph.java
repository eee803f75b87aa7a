package dev.ariadne.engine.procedures;

import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.plan.GraphConstraint;
import dev.ariadne.core.plan.RelationFrontier;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.retrieve.Retriever;
import dev.ariadne.core.schema.GraphSchema;
import dev.ariadne.cypher.link.CypherEntityLookup;
import dev.ariadne.cypher.plan.EmbeddedGraphConstraint;
import dev.ariadne.cypher.retrieve.Deadline;
import dev.ariadne.cypher.retrieve.EmbeddedRetriever;
import dev.ariadne.cypher.retrieve.ReadCache;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.engine.graph.KnowledgeGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * The graph as one procedure call sees it: every read goes through the caller's transaction (so a
 * procedure never opens transactions of its own). Lives for one call; not shared between threads.
 */
final class TransactionGraph implements KnowledgeGraph {
    private final Transaction tx;
    private final SchemaCache schema;
    private final ReadCache cache;
    private final EntityLookup lookup;
    private final GraphMapping mapping;

    TransactionGraph(Transaction tx, AriadneDatabase.Models models) {
        this.tx = tx;
        this.schema = models.schema();
        this.cache = models.readCache();
        this.mapping = models.mapping();
        this.lookup = new CypherEntityLookup((cypher, params) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Result r = tx.execute(cypher, params)) {
                while (r.hasNext()) {
                    rows.add(r.next());
                }
            }
            return rows;
        }, models.queries());
    }

    @Override
    public GraphConstraint constraint() {
        return new GraphConstraint() {
            @Override
            public List<RelationFrontier> nextRelations(Entity topic, RelationPath prefix) {
                schema.validate(prefix);
                return EmbeddedGraphConstraint.nextRelations(tx, cache, mapping, topic, prefix);
            }

            @Override
            public List<DirectedRelation> nextRelationTypes(Entity topic, RelationPath prefix) {
                schema.validate(prefix);
                return EmbeddedGraphConstraint.nextRelationTypes(tx, cache, mapping, topic, prefix);
            }
        };
    }

    @Override
    public Retriever retriever() {
        return (topic, path, limits) -> {
            schema.validate(path);
            Deadline deadline = Deadline.in("retrieval of " + path.format() + " from '" + topic.key() + "'", limits.timeout());
            return EmbeddedRetriever.retrieve(tx, cache, mapping, topic, path, limits, deadline);
        };
    }

    @Override
    public Optional<EntityLookup> lookup() {
        return Optional.of(lookup);
    }

    @Override
    public GraphSchema schema() {
        return schema.get();
    }

    @Override
    public Iterable<Entity> entities() {
        throw new UnsupportedOperationException("the name index of a database is built once by AriadneDatabase");
    }

    @Override
    public String describe() {
        return "the calling transaction";
    }

    @Override
    public void close() {
        // the transaction belongs to the caller
    }
}
