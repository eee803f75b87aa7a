package dev.ariadne.cypher.procedures;

import dev.ariadne.cypher.retrieve.KernelHops;
import dev.ariadne.cypher.retrieve.Deadline;
import dev.ariadne.cypher.retrieve.PathExpansion;
import dev.ariadne.cypher.schema.RelationSuggestions;
import dev.ariadne.cypher.schema.SchemaCache;
import dev.ariadne.core.error.EntityNotFoundException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.error.UnknownRelationException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.retrieve.RetrievalLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphalgo.impl.util.PathImpl;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * {@code CALL ariadne.expand($entity, ['~directed_by', 'in_language'], {maxPaths: 100})}: Ariadne's
 * retrieval inside the database, on the kernel cursors with typed per-hop expansion (the same
 * {@link PathExpansion} as the embedded retriever, so the same semantics, caps and order).
 */
public class ExpandProcedure {
    @Context
    public Transaction tx;

    /** One retrieved path, or (only when nothing was found but a frontier was cut) a summary row with null path. */
    public static class Result {
        public final Path path;
        /** The keys of the path's entities, topic first: with {@link #names}, what a client needs without the path. */
        public final List<String> keys;
        /** The display names of the path's entities, topic first. */
        public final List<String> names;
        public final String answerKey;
        public final String answerName;
        public final long index;
        public final boolean truncated;
        public final long pathsFound;
        public final long frontierCut;

        public Result(Path path, List<String> keys, List<String> names, String answerKey, String answerName, long index,
                      boolean truncated, long pathsFound, long frontierCut) {
            this.path = path;
            this.keys = keys;
            this.names = names;
            this.answerKey = answerKey;
            this.answerName = answerName;
            this.index = index;
            this.truncated = truncated;
            this.pathsFound = pathsFound;
            this.frontierCut = frontierCut;
        }
    }

    @Procedure(name = "ariadne.expand", mode = Mode.READ)
    @Description("ariadne.expand(entity, relations, config) - follows the directed relations (e.g. ['~directed_by', "
            + "'in_language']) from the entity with this key; each relationship at most once per path; paths "
            + "ordered by entity keys; each row has the path, its entity keys and names. config: {maxPaths, maxFrontierPerHop, timeoutMs, keepTopic}.")
    public Stream<Result> expand(@Name("entity") String entity,
                                 @Name("relations") List<String> relations,
                                 @Name(value = "config", defaultValue = "{}") Map<String, Object> config) {
        RetrievalLimits limits = ExpandConfig.parse(config);
        RelationPath path = parse(relations);
        validateTypes(path);
        if (entity == null) {
            throw new InvalidInputException("entity key must not be null");
        }
        try (KernelHops hops = new KernelHops(tx)) {
            long start = hops.find(entity);
            if (start < 0) {
                throw new EntityNotFoundException(entity, "no :Entity has this key");
            }
            Deadline deadline = Deadline.in("ariadne.expand of " + path.format() + " from '" + entity + "'", limits.timeout());
            PathExpansion.Outcome<Long, Long> out = PathExpansion.run(hops, start, entity, path.hops(), limits, deadline);
            List<Result> rows = new ArrayList<>(out.paths().size());
            long i = 0;
            for (PathExpansion.Found<Long, Long> f : out.paths()) {
                rows.add(row(hops, path, f, i++, out));
            }
            if (rows.isEmpty() && out.truncated()) {
                rows.add(new Result(null, null, null, null, null, -1, true, out.pathsFound(), out.frontierCut()));
            }
            return rows.stream();
        }
    }

    /** Only the returned paths become Core API entities, which Cypher turns into path values. */
    private static Result row(KernelHops hops, RelationPath path, PathExpansion.Found<Long, Long> f,
                              long index, PathExpansion.Outcome<Long, Long> out) {
        List<Long> nodes = f.nodes();
        PathImpl.Builder b = new PathImpl.Builder(hops.node(nodes.get(0)));
        List<String> pathNames = new ArrayList<>(nodes.size());
        for (int h = 0; h < nodes.size(); h++) {
            pathNames.add(hops.entity(nodes.get(h), f.keys().get(h)).name());
            if (h < f.relationships().size()) {
                b = b.push(hops.relationship(f.relationships().get(h), nodes.get(h), nodes.get(h + 1), path.hops().get(h)));
            }
        }
        String endKey = f.keys().get(f.keys().size() - 1);
        return new Result(b.build(), f.keys(), pathNames, endKey, pathNames.get(pathNames.size() - 1), index,
                out.truncated(), out.pathsFound(), out.frontierCut());
    }

    private static RelationPath parse(List<String> relations) {
        if (relations == null) {
            throw new InvalidInputException("relations must be a list of 'type' or '~type', got null");
        }
        List<DirectedRelation> hops = new ArrayList<>(relations.size());
        for (int i = 0; i < relations.size(); i++) {
            try {
                hops.add(DirectedRelation.parse(relations.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("relations[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new RelationPath(hops);
    }

    /** Every type must exist in the graph (O(1) per hop via the count store); else name the closest. */
    private void validateTypes(RelationPath path) {
        var ktx = ((InternalTransaction) tx).kernelTransaction();
        for (DirectedRelation hop : path.hops()) {
            int id = ktx.tokenRead().relationshipType(hop.type());
            boolean present = id >= 0 && ktx.dataRead().countsForRelationship(-1, id, -1) > 0;
            if (!present) {
                List<String> types = new ArrayList<>();
                for (RelationshipType t : tx.getAllRelationshipTypesInUse()) {
                    types.add(t.name());
                }
                throw new UnknownRelationException(hop.type(),
                        RelationSuggestions.closest(hop.type(), types, SchemaCache.SUGGESTIONS));
            }
        }
    }
}
