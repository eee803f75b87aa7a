package dev.ariadne.cypher.link;

import dev.ariadne.connect.GraphModel;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.link.EntityCandidate;
import dev.ariadne.core.link.EntityLookup;
import dev.ariadne.core.link.MatchKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Entity lookup with constant, parameterised Cypher: by key through the unique constraint, by exact name
 * through the range index on {@code name}, ignoring case through full-text candidates checked with
 * {@link String#equalsIgnoreCase} (a label scan when the index has none), and fuzzy through the
 * full-text index {@code entityNames} with Lucene scores. Works on embedded and Bolt alike.
 */
public final class CypherEntityLookup implements EntityLookup {
    static final int CASE_CANDIDATES = 10_000;
    private static final String E = ":" + GraphModel.ENTITY_LABEL;
    private static final String BY_KEY = "MATCH (n" + E + " {key: $key}) RETURN n.key AS key, n.name AS name";
    private static final String BY_NAME = "MATCH (n" + E + " {name: $name}) RETURN n.key AS key, n.name AS name";
    private static final String FULLTEXT = "CALL db.index.fulltext.queryNodes('" + GraphModel.FULLTEXT_INDEX
            + "', $query, {limit: $limit}) YIELD node, score "
            + "RETURN node.key AS key, node.name AS name, score";
    private static final String SCAN_IGNORE_CASE = "MATCH (n" + E + ") WHERE toLower(n.name) = toLower($name) "
            + "RETURN n.key AS key, n.name AS name";

    private final ReadRunner runner;

    public CypherEntityLookup(ReadRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public Optional<Entity> byKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        List<Entity> found = entities(runner.read(BY_KEY, Map.of("key", key)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Entity> byName(String name, boolean ignoreCase) {
        if (name == null || name.isEmpty()) {
            return List.of();
        }
        if (!ignoreCase) {
            return sorted(entities(runner.read(BY_NAME, Map.of("name", name))));
        }
        List<Entity> matches = new ArrayList<>();
        if (!LuceneQueries.words(name).isEmpty()) {
            for (Entity e : entities(runner.read(FULLTEXT, Map.of("query", LuceneQueries.phrase(name), "limit", CASE_CANDIDATES)))) {
                if (e.name().equalsIgnoreCase(name)) {
                    matches.add(e);
                }
            }
        }
        if (matches.isEmpty()) {
            // Names made only of stop words or punctuation have no full-text tokens; scan to be sure.
            matches = entities(runner.read(SCAN_IGNORE_CASE, Map.of("name", name)));
        }
        return sorted(matches);
    }

    @Override
    public List<EntityCandidate> fuzzy(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        String query = text == null ? null : LuceneQueries.fuzzy(text);
        if (query == null) {
            return List.of();
        }
        List<EntityCandidate> out = new ArrayList<>();
        for (Map<String, Object> row : runner.read(FULLTEXT, Map.of("query", query, "limit", limit))) {
            Entity e = entity(row);
            if (e != null) {
                double score = ((Number) row.get("score")).doubleValue();
                MatchKind kind = e.name().equals(text) ? MatchKind.EXACT_NAME
                        : e.name().equalsIgnoreCase(text) ? MatchKind.CASE_INSENSITIVE_NAME : MatchKind.FULL_TEXT;
                out.add(new EntityCandidate(e, kind, score));
            }
        }
        out.sort(Comparator.comparingDouble(EntityCandidate::score).reversed()
                .thenComparing(c -> c.entity().key()));
        return out;
    }

    private static List<Entity> sorted(List<Entity> es) {
        TreeMap<String, Entity> byKey = new TreeMap<>();
        for (Entity e : es) {
            byKey.putIfAbsent(e.key(), e);
        }
        return List.copyOf(byKey.values());
    }

    private static List<Entity> entities(List<Map<String, Object>> rows) {
        List<Entity> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Entity e = entity(row);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static Entity entity(Map<String, Object> row) {
        Object key = row.get("key");
        if (key == null || key.toString().isEmpty()) {
            return null;
        }
        Object name = row.get("name");
        return new Entity(key.toString(), name == null ? null : name.toString());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
