package dev.ariadne.cypher.mapping;

import java.util.concurrent.TimeUnit;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/**
 * A small graph in the style of Neo4j's Movies example, as users have them: several labels, a multi-label
 * node, names under {@code name} and {@code title}, a label with no name property, list- and date-valued
 * properties, relationship properties, a uniqueness constraint on one label only, and a node no mapping
 * should call an entity.
 */
public final class MoviesGraph {
    public static final String CREATE = """
            CREATE (keanu:Person {name: 'Keanu Reeves', born: 1964, aliases: ['Keanu']})
            CREATE (carrie:Person {name: 'Carrie-Anne Moss', born: 1967})
            CREATE (laurence:Person {name: 'Laurence Fishburne', born: 1961})
            CREATE (lana:Person:Director {name: 'Lana Wachowski', born: 1965})
            CREATE (taylor:Person:Director {name: 'Taylor Hackford', born: 1944})
            CREATE (matrix:Movie {title: 'The Matrix', released: 1999, tagline: 'Welcome to the Real World',
                                  languages: ['English'], premiere: date('1999-03-31')})
            CREATE (reloaded:Movie {title: 'The Matrix Reloaded', released: 2003, languages: ['English', 'French']})
            CREATE (devil:Movie {title: 'The Devil\\'s Advocate', released: 1997})
            CREATE (replacements:Movie {title: 'The Replacements', released: 2003})
            CREATE (scifi:Genre {name: 'Science Fiction'})
            CREATE (drama:Genre {name: 'Drama'})
            CREATE (oscar:Award {year: 2000, category: 'Visual Effects'})
            CREATE (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix)
            CREATE (keanu)-[:ACTED_IN {roles: ['Neo']}]->(reloaded)
            CREATE (keanu)-[:ACTED_IN {roles: ['Kevin Lomax']}]->(devil)
            CREATE (keanu)-[:ACTED_IN {roles: ['Shane Falco']}]->(replacements)
            CREATE (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix)
            CREATE (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(reloaded)
            CREATE (laurence)-[:ACTED_IN {roles: ['Morpheus']}]->(matrix)
            CREATE (lana)-[:DIRECTED]->(matrix)
            CREATE (lana)-[:DIRECTED]->(reloaded)
            CREATE (taylor)-[:DIRECTED]->(devil)
            CREATE (matrix)-[:IN_GENRE]->(scifi)
            CREATE (reloaded)-[:IN_GENRE]->(scifi)
            CREATE (devil)-[:IN_GENRE]->(drama)
            CREATE (matrix)-[:WON]->(oscar)
            CREATE (:ImportLog {file: 'movies.cypher', at: datetime('2024-01-01T00:00:00Z')})-[:IMPORTED]->(matrix)
            """;

    private MoviesGraph() {
    }

    public static void create(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            tx.execute(CREATE).close();
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.execute("CREATE CONSTRAINT person_name IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE").close();
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(2, TimeUnit.MINUTES);
        }
    }
}
