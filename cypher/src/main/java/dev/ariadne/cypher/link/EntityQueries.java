package dev.ariadne.cypher.link;

import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.connect.GraphModel;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The read queries that find and list entities, as constant text made once per mapping. For Ariadne's
 * layout they are the simple {@code :Entity(key, name)} forms; for any other mapping they are built from
 * the mapping's labels and properties, which must have been checked against the database first
 * ({@code MappingCheck}): each name is quoted with {@link GraphModel#quote}, and every value a caller
 * supplies (a key, a name, a full-text query, the followed types) travels as a parameter.
 *
 * <p>Every query returns {@code key} and {@code name} columns (the full-text one also {@code score}); a
 * node's key and name are those the kernel retrieval reads: its first mapped label decides, the key is a
 * property's value as text or the element id, the name the first name property it has.
 *
 * @param byKey          {@code $key} and {@code $values} (the key as text and as the number it spells)
 * @param byName         {@code $name}, exact, against every name and alias property (or an element of a list-valued alias)
 * @param fullText       {@code $query}, {@code $limit}; null when the graph has no full-text index on its names
 * @param scanIgnoreCase {@code $name}, ignoring case, without an index
 * @param allEntities    no parameters; with the attributes' values as literal entities ({@code =1999})
 * @param allTriples     {@code $included}, {@code $excluded} and the attribute names ({@link #typeParameters});
 *                       with one triple per attribute value
 * @param fullTextIndex  the index {@code fullText} reads
 */
public record EntityQueries(String byKey, String byName, String fullText, String scanIgnoreCase, String allEntities,
                            String allTriples, String fullTextIndex, Map<String, Object> typeParameters) {
    /** The full-text index {@code ariadne index} makes over a mapped graph's name and alias properties. */
    public static final String MAPPED_FULLTEXT_INDEX = "ariadneNames";

    private static final String E = ":" + GraphModel.ENTITY_LABEL;
    private static final EntityQueries ARIADNE = new EntityQueries(
            "MATCH (n" + E + " {key: $key}) RETURN n.key AS key, n.name AS name",
            "MATCH (n" + E + " {name: $name}) RETURN n.key AS key, n.name AS name",
            "CALL db.index.fulltext.queryNodes('" + GraphModel.FULLTEXT_INDEX + "', $query, {limit: $limit}) YIELD node, score "
                    + "RETURN node.key AS key, node.name AS name, score",
            "MATCH (n" + E + ") WHERE toLower(n.name) = toLower($name) RETURN n.key AS key, n.name AS name",
            "MATCH (n" + E + ") RETURN n.key AS key, n.name AS name",
            "MATCH (a" + E + ")-[r]->(b" + E + ") RETURN a.key AS s, type(r) AS r, b.key AS o",
            GraphModel.FULLTEXT_INDEX, Map.of());

    public static EntityQueries ariadneLayout() {
        return ARIADNE;
    }

    /**
     * The queries for {@code mapping}, checked against the database; {@code hasFullTextIndex} says whether
     * {@value #MAPPED_FULLTEXT_INDEX} exists there (without it, fuzzy lookup finds nothing and case-insensitive
     * lookup scans).
     */
    public static EntityQueries of(GraphMapping mapping, boolean hasFullTextIndex) {
        if (mapping.isAriadneLayout()) {
            return ARIADNE;
        }
        String labels = labelExpression(mapping);
        String key = keyExpression(mapping, "n");
        String name = nameExpression(mapping, "n");
        String keyed = " WITH n, " + key + " AS key WHERE key IS NOT NULL ";
        String rows = "RETURN key, " + name + " AS name";
        StringJoiner byKey = new StringJoiner(" UNION ", "CALL { ", " }");
        StringJoiner byName = new StringJoiner(" UNION ", "CALL { ", " }");
        int named = 0;
        for (EntityLabel l : mapping.labels()) {
            String match = "MATCH (n:" + GraphModel.quote(l.label()) + ") WHERE ";
            byKey.add(match + l.keyProperty().map(p -> "n." + GraphModel.quote(p) + " IN $values")
                    .orElse("elementId(n) = $key") + " RETURN n");
            for (String p : l.searchedProperties()) {
                String v = "n." + GraphModel.quote(p);
                byName.add(match + v + " = $name RETURN n");
                if (l.aliasProperties().contains(p)) {
                    // aliases are often lists: a list holding the name matches too
                    byName.add(match + "valueType(" + v + ") STARTS WITH 'LIST' AND $name IN " + v + " RETURN n");
                }
                named++;
            }
        }
        Map<String, Object> types = new java.util.LinkedHashMap<>();
        types.put("included", List.copyOf(mapping.includedTypes()));
        types.put("excluded", List.copyOf(mapping.excludedTypes()));
        // each attribute's values as literal entities, and each (entity, attribute, value) as a triple
        StringBuilder literals = new StringBuilder();
        StringBuilder attributeTriples = new StringBuilder();
        List<EntityLabel> all = mapping.labels();
        List<String> relations = List.copyOf(mapping.attributeRelations());
        for (int i = 0; i < all.size(); i++) {
            for (Attribute a : all.get(i).attributes()) {
                String v = "n." + GraphModel.quote(a.property());
                String holders = "MATCH (n:" + GraphModel.quote(all.get(i).label()) + ") WHERE " + firstLabel(all, i, "n")
                        + v + " IS NOT NULL WITH n, " + key + " AS s WHERE s IS NOT NULL UNWIND (CASE WHEN valueType(" + v
                        + ") STARTS WITH 'LIST' THEN " + v + " ELSE [" + v + "] END) AS v ";
                literals.append(" UNION ").append(holders).append("RETURN '").append(Attribute.LITERAL_PREFIX)
                        .append("' + toString(v) AS key, toString(v) AS name");
                String param = "attribute" + relations.indexOf(a.relation());
                types.put(param, a.relation());
                attributeTriples.append(" UNION ALL ").append(holders).append("RETURN s, $").append(param)
                        .append(" AS r, '").append(Attribute.LITERAL_PREFIX).append("' + toString(v) AS o");
            }
        }
        String typeFilter = (mapping.includedTypes().isEmpty() ? "" : "type(r) IN $included AND ")
                + "NOT type(r) IN $excluded";
        return new EntityQueries(
                byKey + keyed + "AND key = $key " + rows,
                (named == 0 ? "MATCH (n:" + labels + ") WHERE false" : byName.toString())
                        + keyed + rows,
                hasFullTextIndex ? "CALL db.index.fulltext.queryNodes('" + MAPPED_FULLTEXT_INDEX
                        + "', $query, {limit: $limit}) YIELD node AS n, score WITH n, score, " + key + " AS key "
                        + "WHERE key IS NOT NULL RETURN key, " + name + " AS name, score" : null,
                "MATCH (n:" + labels + ")" + keyed + "AND toLower(toString(" + name + ")) = toLower($name) " + rows,
                "MATCH (n:" + labels + ")" + keyed + rows + literals,
                "MATCH (a:" + labels + ")-[r]->(b:" + labels + ") WHERE " + typeFilter
                        + " WITH r, " + keyExpression(mapping, "a") + " AS s, " + keyExpression(mapping, "b") + " AS o"
                        + " WHERE s IS NOT NULL AND o IS NOT NULL RETURN s, type(r) AS r, o" + attributeTriples,
                MAPPED_FULLTEXT_INDEX, types);
    }

    /** {@code v}'s first mapped label is the {@code i}-th (a condition ending in AND, or nothing for the first). */
    static String firstLabel(List<EntityLabel> labels, int i, String v) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < i; j++) {
            sb.append("NOT ").append(v).append(':').append(GraphModel.quote(labels.get(j).label())).append(" AND ");
        }
        return sb.toString();
    }

    /** {@code `A`|`B`}: any mapped label. */
    static String labelExpression(GraphMapping mapping) {
        StringJoiner j = new StringJoiner("|");
        mapping.labels().forEach(l -> j.add(GraphModel.quote(l.label())));
        return j.toString();
    }

    /** The key of node {@code v}: decided by its first mapped label; null when it has no key. */
    static String keyExpression(GraphMapping mapping, String v) {
        StringBuilder sb = new StringBuilder("CASE");
        for (EntityLabel l : mapping.labels()) {
            sb.append(" WHEN ").append(v).append(':').append(GraphModel.quote(l.label())).append(" THEN ")
                    .append(l.keyProperty().map(p -> "toString(" + v + "." + GraphModel.quote(p) + ")")
                            .orElse("elementId(" + v + ")"));
        }
        return sb.append(" END").toString();
    }

    /** The display name of node {@code v}: the first name property its first mapped label lists. */
    static String nameExpression(GraphMapping mapping, String v) {
        StringBuilder sb = new StringBuilder("CASE");
        for (EntityLabel l : mapping.labels()) {
            sb.append(" WHEN ").append(v).append(':').append(GraphModel.quote(l.label())).append(" THEN ");
            if (l.nameProperties().isEmpty()) {
                sb.append("null");
            } else {
                StringJoiner names = new StringJoiner(", ", "coalesce(", ")");
                l.nameProperties().forEach(p -> names.add(v + "." + GraphModel.quote(p)));
                sb.append(names);
            }
        }
        return sb.append(" END").toString();
    }

    /** The parameters {@code byKey} needs for {@code key}. */
    public static Map<String, Object> keyParameters(String key) {
        return Map.of("key", key, "values", EntityLabel.keyValues(key));
    }
}
