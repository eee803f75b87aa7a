package dev.ariadne.loader;

import dev.ariadne.connect.BoltGraph;
import dev.ariadne.core.error.GraphUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes over Bolt: per batch one transaction, inside it one {@code UNWIND $rows} statement per relation
 * type, run by {@code executeWrite} so the driver retries transient failures (leader switches, deadlocks).
 * MERGE makes every statement idempotent. The type is the only thing placed in the statement text, and
 * only through {@link EntitySchema#quoteType}; keys and names always travel as parameters.
 */
final class BoltWriter implements GraphWriter {
    private final BoltGraph graph;
    private final Map<String, String> statements = new HashMap<>();
    /** What this load committed so far, for the error when a batch fails. */
    private long committedBatches;
    private long committedRelationships;

    BoltWriter(BoltGraph graph) {
        this.graph = graph;
    }

    static String mergeStatement(String type) {
        return "UNWIND $rows AS row\n"
                + "MERGE (s:" + EntitySchema.ENTITY_LABEL + " {" + EntitySchema.KEY + ": row.s})\n"
                + "  ON CREATE SET s." + EntitySchema.NAME + " = row.sn\n"
                + "MERGE (o:" + EntitySchema.ENTITY_LABEL + " {" + EntitySchema.KEY + ": row.o})\n"
                + "  ON CREATE SET o." + EntitySchema.NAME + " = row.on\n"
                + "MERGE (s)-[:" + EntitySchema.quoteType(type) + "]->(o)";
    }

    @Override
    public String typeProblem(String type) {
        String problem = GraphWriter.super.typeProblem(type);
        if (problem == null && type.indexOf('\\') >= 0) {
            problem = "type contains a backslash, which cannot be quoted safely in Cypher over Bolt"
                    + " (load it into the embedded database instead)";
        }
        return problem;
    }

    @Override
    public void prepare(Consumer<String> notices) {
        try (Session session = graph.driver().session(graph.sessionConfig())) {
            for (String statement : EntitySchema.SCHEMA_STATEMENTS) {
                session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
            }
            session.run("CALL db.awaitIndexes(600)").consume();
        } catch (Neo4jException e) {
            throw new GraphUnavailableException("cannot create the Entity constraint and indexes on " + graph.uri()
                    + ": " + SchemaRepair.firstLine(e.getMessage()) + " (an index left FAILED by an earlier load is"
                    + " dropped with DROP INDEX name, after removing the values it cannot hold; then load again)", e);
        }
    }

    @Override
    public void close() {
        // The schema was created up front: MERGE needs the unique index from the first row on.
    }

    @Override
    public BatchResult write(List<ParsedTriple> batch) {
        Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (ParsedTriple t : batch) {
            Map<String, Object> row = new HashMap<>(8);
            row.put("s", t.subjectKey());
            row.put("sn", t.subjectName() == null || t.subjectName().isEmpty() ? t.subjectKey() : t.subjectName());
            row.put("o", t.objectKey());
            row.put("on", t.objectName() == null || t.objectName().isEmpty() ? t.objectKey() : t.objectName());
            byType.computeIfAbsent(t.relation(), k -> new ArrayList<>()).add(row);
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String type : byType.keySet()) {
            text.put(type, statements.computeIfAbsent(type, BoltWriter::mergeStatement));
        }
        try (Session session = graph.driver().session(graph.sessionConfig())) {
            BatchResult result = session.executeWrite(tx -> {
                long rels = 0;
                long nodes = 0;
                for (Map.Entry<String, List<Map<String, Object>>> group : byType.entrySet()) {
                    SummaryCounters c = tx.run(text.get(group.getKey()), Map.of("rows", group.getValue()))
                            .consume().counters();
                    rels += c.relationshipsCreated();
                    nodes += c.nodesCreated();
                }
                return new BatchResult(rels, nodes);
            });
            committedBatches++;
            committedRelationships += result.relationshipsCreated();
            return result;
        } catch (ClientException e) {
            // The server refused the data (a constraint, an index limit) and is still there to retry.
            throw new WriteRejectedException(SchemaRepair.firstLine(e.getMessage()), e);
        } catch (Neo4jException e) {
            // A batch is one transaction: the earlier ones are in the graph, this one is either all in or
            // (when the connection broke during commit) unknown; MERGE makes loading again safe either way.
            throw new GraphUnavailableException(String.format(java.util.Locale.ROOT,
                    "writing batch %,d (%,d triples) to %s failed: %s; the %,d batches before it were committed"
                            + " (%,d new relationships); loading the same files again adds the rest without duplicates",
                    committedBatches + 1, batch.size(), graph.uri(), e.getMessage(), committedBatches,
                    committedRelationships), e);
        }
    }
}
