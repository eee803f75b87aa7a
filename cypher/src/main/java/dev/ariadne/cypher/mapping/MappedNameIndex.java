package dev.ariadne.cypher.mapping;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.link.EntityQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;

/**
 * The full-text index linking uses over a mapped graph's names ({@value EntityQueries#MAPPED_FULLTEXT_INDEX}):
 * every mapped label, every name and alias property. Made only when a user asks ({@code ariadne index}),
 * never as a side effect of reading. Ariadne's own layout has its {@code entityNames} index from the loader.
 */
public final class MappedNameIndex {
    /** How it went: created, already there as wanted, or replaced. */
    public enum Outcome { CREATED, UP_TO_DATE, REPLACED }

    private MappedNameIndex() {
    }

    /** The labels and properties the index covers for {@code mapping}. */
    public static Coverage coverage(GraphMapping mapping) {
        Set<String> labels = new TreeSet<>();
        Set<String> properties = new LinkedHashSet<>();
        for (EntityLabel l : mapping.labels()) {
            labels.add(l.label());
            properties.addAll(l.searchedProperties());
        }
        return new Coverage(List.copyOf(labels), List.copyOf(properties));
    }

    /** Labels and properties of a full-text index, labels sorted. */
    public record Coverage(List<String> labels, List<String> properties) {
        boolean sameAs(IndexDefinition index) {
            Set<String> ls = new TreeSet<>();
            index.getLabels().forEach(l -> ls.add(l.name()));
            Set<String> ps = new TreeSet<>();
            index.getPropertyKeys().forEach(ps::add);
            return List.copyOf(ls).equals(labels) && ps.equals(new TreeSet<>(properties));
        }
    }

    /**
     * Makes the index for {@code mapping} (checked against {@code db} here) and waits until it is online.
     * An index of that name covering other labels or properties is replaced only when {@code replace}.
     */
    public static Outcome create(GraphDatabaseService db, GraphMapping mapping, boolean replace, long timeoutSeconds) {
        if (mapping.isAriadneLayout()) {
            throw new InvalidInputException("this graph is in Ariadne's own layout: its full-text index "
                    + GraphModel.FULLTEXT_INDEX + " is made by 'ariadne load'");
        }
        MappingCheck.check(db, mapping);
        Coverage wanted = coverage(mapping);
        if (wanted.properties().isEmpty()) {
            throw new InvalidInputException("the mapping names no name or alias property: there is nothing to index");
        }
        Outcome outcome = Outcome.CREATED;
        try (Transaction tx = db.beginTx()) {
            IndexDefinition existing = existing(tx);
            if (existing != null) {
                if (wanted.sameAs(existing)) {
                    outcome = Outcome.UP_TO_DATE;
                } else if (!replace) {
                    throw new InvalidInputException("a full-text index " + EntityQueries.MAPPED_FULLTEXT_INDEX
                            + " already exists over other labels or properties; pass --replace to drop and rebuild it");
                } else {
                    existing.drop();
                    outcome = Outcome.REPLACED;
                }
            }
            tx.commit();
        }
        if (outcome != Outcome.UP_TO_DATE) {
            StringJoiner labels = new StringJoiner("|");
            wanted.labels().forEach(l -> labels.add(GraphModel.quote(l)));
            List<String> each = new ArrayList<>();
            wanted.properties().forEach(p -> each.add("n." + GraphModel.quote(p)));
            try (Transaction tx = db.beginTx()) {
                // names checked against the database above, then quoted
                tx.execute("CREATE FULLTEXT INDEX " + EntityQueries.MAPPED_FULLTEXT_INDEX + " IF NOT EXISTS FOR (n:"
                        + labels + ") ON EACH [" + String.join(", ", each) + "]").close();
                tx.commit();
            }
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexOnline(EntityQueries.MAPPED_FULLTEXT_INDEX, timeoutSeconds, TimeUnit.SECONDS);
        }
        return outcome;
    }

    private static IndexDefinition existing(Transaction tx) {
        try {
            return tx.schema().getIndexByName(EntityQueries.MAPPED_FULLTEXT_INDEX);
        } catch (IllegalArgumentException none) {
            return null;
        }
    }
}
