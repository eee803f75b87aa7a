package dev.ariadne.cypher.link;

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
 * Entity lookup with constant, parameterised Cypher ({@link EntityQueries}, made once per mapping): by key
 * through the unique constraint, by exact name through the range index on {@code name}, ignoring case
 * through full-text candidates checked with {@link String#equalsIgnoreCase} (a label scan when the index
 * has none), and fuzzy through the full-text index ({@code entityNames} on Ariadne's layout) with Lucene
 * scores. Works on embedded and Bolt alike.
 */
public final class CypherEntityLookup implements EntityLookup {
    static final int CASE_CANDIDATES = 10_000;

    private final ReadRunner runner;
    private final EntityQueries queries;

    /** On Ariadne's own layout. */
    public CypherEntityLookup(ReadRunner runner) {
        this(runner, EntityQueries.ariadneLayout());
    }

    public CypherEntityLookup(ReadRunner runner, EntityQueries queries) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @Override
    public Optional<Entity> byKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        List<Entity> found = entities(runner.read(queries.byKey(), queries == EntityQueries.ariadneLayout()
                ? Map.of("key", key) : EntityQueries.keyParameters(key)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Entity> byName(String name, boolean ignoreCase) {
        if (name == null || name.isEmpty()) {
            return List.of();
        }
        if (!ignoreCase) {
            return sorted(entities(runner.read(queries.byName(), Map.of("name", name))));
        }
        List<Entity> matches = new ArrayList<>();
        if (queries.fullText() != null && !LuceneQueries.words(name).isEmpty()) {
            for (Entity e : entities(runner.read(queries.fullText(), Map.of("query", LuceneQueries.phrase(name), "limit", CASE_CANDIDATES)))) {
                if (e.name().equalsIgnoreCase(name)) {
                    matches.add(e);
                }
            }
        }
        if (matches.isEmpty()) {
            // Names made only of stop words or punctuation have no full-text tokens; scan to be sure.
            matches = entities(runner.read(queries.scanIgnoreCase(), Map.of("name", name)));
        }
        return sorted(matches);
    }

    @Override
    public List<EntityCandidate> fuzzy(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        String query = text == null ? null : LuceneQueries.fuzzy(text);
        if (query == null || queries.fullText() == null) {
            return List.of();       // no full-text index over the mapped names: linking uses its own name index
        }
        List<EntityCandidate> out = new ArrayList<>();
        for (Map<String, Object> row : runner.read(queries.fullText(), Map.of("query", query, "limit", limit))) {
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
        return new Entity(key.toString(), text(row.get("name")));
    }

    /** A name as text: a list-valued name's parts joined with ", " (as the kernel retrieval writes it). */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> parts) {
            return String.join(", ", parts.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
