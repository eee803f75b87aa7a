package dev.ariadne.cypher.procedures;

import dev.ariadne.cypher.retrieve.KernelHops;
import dev.ariadne.cypher.retrieve.ReadCache;
import dev.ariadne.cypher.retrieve.Deadline;
import dev.ariadne.cypher.retrieve.PathExpansion;
import dev.ariadne.core.text.EditDistance;
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
import org.neo4j.graphdb.GraphDatabaseService;
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
 * {@link PathExpansion} as the embedded retriever, so the same semantics, caps and order). Two shapes of
 * one search: {@code ariadne.expand} yields a row per path with the path value (for Neo4j Browser);
 * {@code ariadne.retrieve} yields one row with every path's keys and names (for clients: building 100
 * path values and rows, and shipping them, cost more than the search from a hub).
 */
public class ExpandProcedure {
    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseService db;

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

    /** {@code ariadne.retrieve}'s one row: every path's keys and names, in {@code ariadne.expand}'s order. */
    public static class Retrieved {
        public final List<List<String>> keys;
        public final List<List<String>> names;
        public final boolean truncated;
        public final long pathsFound;
        public final long frontierCut;

        public Retrieved(List<List<String>> keys, List<List<String>> names, boolean truncated, long pathsFound,
                         long frontierCut) {
            this.keys = keys;
            this.names = names;
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
        return search("ariadne.expand", entity, relations, config, (hops, path, out) -> {
            List<Result> rows = new ArrayList<>(out.paths().size());
            long i = 0;
            for (PathExpansion.Found<Long, Long> f : out.paths()) {
                rows.add(row(hops, path, f, i++, out));
            }
            if (rows.isEmpty() && out.truncated()) {
                rows.add(new Result(null, null, null, null, null, -1, true, out.pathsFound(), out.frontierCut()));
            }
            return rows.stream();
        });
    }

    @Procedure(name = "ariadne.retrieve", mode = Mode.READ)
    @Description("ariadne.retrieve(entity, relations, config) - the same search as ariadne.expand, as one row: the "
            + "entity keys and names of every path (ariadne.expand's order), truncated, pathsFound and frontierCut. "
            + "For clients: no path values, one record. config: {maxPaths, maxFrontierPerHop, timeoutMs, keepTopic}.")
    public Stream<Retrieved> retrieve(@Name("entity") String entity,
                                      @Name("relations") List<String> relations,
                                      @Name(value = "config", defaultValue = "{}") Map<String, Object> config) {
        return search("ariadne.retrieve", entity, relations, config, (hops, path, out) -> {
            List<List<String>> keys = new ArrayList<>(out.paths().size());
            List<List<String>> names = new ArrayList<>(out.paths().size());
            for (PathExpansion.Found<Long, Long> f : out.paths()) {
                keys.add(f.keys());
                names.add(names(hops, f));
            }
            return Stream.of(new Retrieved(keys, names, out.truncated(), out.pathsFound(), out.frontierCut()));
        });
    }

    /** Turns one finished search into the procedure's rows, while its cursors are still open. */
    @FunctionalInterface
    private interface Rows<T> {
        Stream<T> of(KernelHops hops, RelationPath path, PathExpansion.Outcome<Long, Long> out);
    }

    private <T> Stream<T> search(String procedure, String entity, List<String> relations, Map<String, Object> config,
                                 Rows<T> rows) {
        RetrievalLimits limits = ExpandConfig.parse(config);
        RelationPath path = parse(relations);
        validateTypes(path);
        if (entity == null) {
            throw new InvalidInputException("entity key must not be null");
        }
        try (KernelHops hops = new KernelHops(tx, ReadCache.of(db))) {
            long start = hops.find(entity);
            if (start == KernelHops.NOT_FOUND) {
                throw new EntityNotFoundException(entity, "no :Entity has this key");
            }
            Deadline deadline = Deadline.in(procedure + " of " + path.format() + " from '" + entity + "'", limits.timeout());
            return rows.of(hops, path, PathExpansion.run(hops, start, entity, path.hops(), limits, deadline));
        }
    }

    private static List<String> names(KernelHops hops, PathExpansion.Found<Long, Long> f) {
        List<String> names = new ArrayList<>(f.nodes().size());
        for (int h = 0; h < f.nodes().size(); h++) {
            names.add(hops.entity(f.nodes().get(h), f.keys().get(h)).name());
        }
        return names;
    }

    /** Only the returned paths become Core API entities, which Cypher turns into path values. */
    private static Result row(KernelHops hops, RelationPath path, PathExpansion.Found<Long, Long> f,
                              long index, PathExpansion.Outcome<Long, Long> out) {
        List<Long> nodes = f.nodes();
        PathImpl.Builder b = new PathImpl.Builder(hops.node(nodes.get(0)));
        for (int h = 0; h < f.relationships().size(); h++) {
            b = b.push(hops.relationship(f.relationships().get(h), nodes.get(h), nodes.get(h + 1), path.hops().get(h)));
        }
        List<String> pathNames = names(hops, f);
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
                        EditDistance.closest(hop.type(), types, SchemaCache.SUGGESTIONS));
            }
        }
    }
}
