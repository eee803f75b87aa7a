package dev.ariadne.engine.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import dev.ariadne.cypher.mapping.GraphInspection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping as a JSON file a person edits by hand (schema in {@code docs/mapping.md}):
 * <pre>{@code
 * {
 *   "format": "ariadne-mapping/1",
 *   "labels": [
 *     {"label": "Person", "key": "name", "names": ["name"], "aliases": [],
 *      "attributes": [{"property": "born", "relation": "born", "list": false}],
 *      "nodes": 133, "properties": {"name": "STRING 100%", "born": "INTEGER 97%"}},
 *     {"label": "Movie", "key": null, "names": ["title"], "aliases": []}
 *   ],
 *   "relationships": {"include": [], "exclude": ["REVIEWED"]},
 *   "relationshipTypes": {"ACTED_IN": {"count": 172, "joins": {"Person->Movie": 172}}}
 * }
 * }</pre>
 * {@code key} null (or absent) keys that label's nodes by element id. An attribute's {@code relation} defaults
 * to its property and {@code list} to false. {@code nodes}, {@code properties} and
 * {@code relationshipTypes} are what {@code ariadne inspect} saw, written for the reader and ignored when
 * read; any other unknown field is an error naming its line.
 */
public final class MappingFile {
    public static final String FORMAT = "ariadne-mapping/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private MappingFile() {
    }

    @JsonPropertyOrder({"format", "labels", "relationships", "relationshipTypes"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileDoc(@JsonProperty("format") String format, @JsonProperty("labels") List<LabelDoc> labels,
                   @JsonProperty("relationships") TypesDoc relationships,
                   @JsonProperty("relationshipTypes") Map<String, TypeInfoDoc> relationshipTypes) {
    }

    @JsonPropertyOrder({"label", "key", "names", "aliases", "attributes", "nodes", "properties"})
    record LabelDoc(@JsonProperty("label") String label,
                    @JsonProperty("key") @JsonInclude(JsonInclude.Include.ALWAYS) String key,
                    @JsonProperty("names") List<String> names, @JsonProperty("aliases") List<String> aliases,
                    @JsonProperty("attributes") List<AttributeDoc> attributes,
                    @JsonProperty("nodes") @JsonInclude(JsonInclude.Include.NON_NULL) Long nodes,
                    @JsonProperty("properties") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> properties) {
    }

    @JsonPropertyOrder({"property", "relation", "list"})
    record AttributeDoc(@JsonProperty("property") String property, @JsonProperty("relation") String relation,
                        @JsonProperty("list") Boolean list) {
    }

    @JsonPropertyOrder({"include", "exclude"})
    record TypesDoc(@JsonProperty("include") List<String> include, @JsonProperty("exclude") List<String> exclude) {
    }

    @JsonPropertyOrder({"count", "joins"})
    record TypeInfoDoc(@JsonProperty("count") long count, @JsonProperty("joins") Map<String, Long> joins) {
    }

    /** Reads and shape-checks a mapping file; whether it fits a database is checked when a graph opens with it. */
    public static GraphMapping read(Path file) {
        FileDoc doc;
        try {
            doc = JSON.readValue(Files.readString(file), FileDoc.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("mapping file " + file + " does not exist (write one with 'ariadne inspect "
                    + "--write " + file + "')", e);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": unknown field '"
                    + e.getPropertyName() + "' (expected one of " + e.getKnownPropertyIds() + ")", e);
        } catch (MismatchedInputException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": " + where(e)
                    + " has the wrong type: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read mapping file " + file + ": " + e.getMessage(), e);
        }
        if (doc == null || !FORMAT.equals(doc.format())) {
            throw new InvalidInputException(file + ": \"format\" must be \"" + FORMAT + "\"" + (doc == null ? ""
                    : ", got " + (doc.format() == null ? "none" : "\"" + doc.format() + "\"")));
        }
        if (doc.labels() == null || doc.labels().isEmpty()) {
            throw new InvalidInputException(file + ": \"labels\" must list at least one entity label");
        }
        try {
            GraphMapping.Builder b = GraphMapping.builder();
            for (int i = 0; i < doc.labels().size(); i++) {
                LabelDoc l = doc.labels().get(i);
                if (l == null || l.label() == null) {
                    throw new InvalidInputException("labels[" + i + "] needs a \"label\"");
                }
                List<Attribute> attributes = new ArrayList<>();
                for (AttributeDoc a : l.attributes() == null ? List.<AttributeDoc>of() : l.attributes()) {
                    if (a == null || a.property() == null) {
                        throw new InvalidInputException("labels[" + i + "] (" + l.label() + "): an attribute needs a \"property\"");
                    }
                    attributes.add(new Attribute(a.property(), a.relation(), Boolean.TRUE.equals(a.list())));
                }
                b.label(EntityLabel.of(l.label(), l.key(), orEmpty(l.names()), orEmpty(l.aliases())).withAttributes(attributes));
            }
            if (doc.relationships() != null) {
                b.include(orEmpty(doc.relationships().include())).exclude(orEmpty(doc.relationships().exclude()));
            }
            return b.build();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code mapping}, with what {@code inspection} saw (when given) for the reader. */
    public static void write(Path file, GraphMapping mapping, GraphInspection inspection) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(doc(mapping, inspection)) + System.lineSeparator());
        } catch (IOException e) {
            throw new InvalidInputException("cannot write mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    static FileDoc doc(GraphMapping mapping, GraphInspection inspection) {
        List<LabelDoc> labels = new ArrayList<>();
        for (EntityLabel l : mapping.labels()) {
            GraphInspection.LabelInfo info = inspection == null ? null : inspection.label(l.label()).orElse(null);
            labels.add(new LabelDoc(l.label(), l.keyProperty().orElse(null), l.nameProperties(), l.aliasProperties(),
                    l.attributes().stream().map(a -> new AttributeDoc(a.property(), a.relation(), a.list())).toList(),
                    info == null ? null : info.nodes(), info == null ? null : properties(info)));
        }
        Map<String, TypeInfoDoc> types = null;
        if (inspection != null) {
            types = new LinkedHashMap<>();
            for (Map.Entry<String, GraphInspection.RelationshipInfo> t : inspection.relationships().entrySet()) {
                types.put(t.getKey(), new TypeInfoDoc(t.getValue().count(), t.getValue().signatures()));
            }
        }
        return new FileDoc(FORMAT, labels, new TypesDoc(List.copyOf(mapping.includedTypes()),
                List.copyOf(mapping.excludedTypes())), types);
    }

    /** {@code "STRING 100%"} per property: its most common kind and the share of sampled nodes that have it. */
    private static Map<String, String> properties(GraphInspection.LabelInfo info) {
        Map<String, String> out = new LinkedHashMap<>();
        info.properties().forEach((name, p) -> out.put(name, String.join("|", p.kinds()) + " "
                + Math.round(100.0 * p.present() / Math.max(1, info.sampled())) + "%"));
        return out;
    }

    private static String where(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            sb.append(ref.getFieldName() != null ? (sb.length() == 0 ? "" : ".") + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return sb.length() == 0 ? "the file" : "\"" + sb + "\"";
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
