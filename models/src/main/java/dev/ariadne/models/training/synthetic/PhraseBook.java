package dev.ariadne.models.training.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ariadne.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The phrases of every relation type of a graph: derived from the type names, with a user's phrase file
 * taking precedence for the types it names. The file is JSON, one entry per relation type:
 * <pre>{@code
 * {
 *   "directed_by": {
 *     "forward": {"phrases": ["the director of {X}"], "questions": ["who directed {X}"]},
 *     "inverse": {"phrases": ["the films directed by {X}"], "questions": ["what did {X} direct"]}
 *   }
 * }
 * }</pre>
 * Either direction, and either list within it, may be left out to keep the derived ones. Immutable.
 */
public final class PhraseBook {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final SortedMap<String, RelationPhrases> byType;

    private PhraseBook(SortedMap<String, RelationPhrases> byType) {
        this.byType = java.util.Collections.unmodifiableSortedMap(byType);
    }

    /** Phrases derived from each type's name. */
    public static PhraseBook derived(Collection<String> types) {
        return derived(types, java.util.Set.of());
    }

    /** Phrases derived from each type's name, those in {@code attributes} worded as attributes ({@link RelationPhrases#derivedAttribute}). */
    public static PhraseBook derived(Collection<String> types, java.util.Set<String> attributes) {
        SortedMap<String, RelationPhrases> m = new TreeMap<>();
        for (String t : types) {
            m.put(t, attributes.contains(t) ? RelationPhrases.derivedAttribute(t) : RelationPhrases.derived(t));
        }
        return new PhraseBook(m);
    }

    /**
     * Phrases derived for {@code types}, overridden by {@code file}; an error naming the file and entry when
     * the file is malformed or names a type the graph does not have (with the closest types).
     */
    public static PhraseBook read(Path file, Collection<String> types) {
        return read(file, types, java.util.Set.of());
    }

    /** {@link #read(Path, Collection)} over phrases derived with {@code attributes} worded as attributes. */
    public static PhraseBook read(Path file, Collection<String> types, java.util.Set<String> attributes) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the phrase file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(file + ": expected a JSON object mapping relation types to their phrases");
        }
        SortedMap<String, RelationPhrases> m = new TreeMap<>(derived(types, attributes).byType);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey();
            RelationPhrases base = m.get(type);
            if (base == null) {
                throw new InvalidInputException(file + ": relation type '" + type + "' is not in the graph"
                        + closest(type, types));
            }
            try {
                m.put(type, override(base, e.getValue()));
            } catch (InvalidInputException ex) {
                throw new InvalidInputException(file + ", relation '" + type + "': " + ex.getMessage(), ex);
            }
        }
        return new PhraseBook(m);
    }

    /** The types within a few edits of {@code type} (closest first), else the graph's first types by name. */
    private static String closest(String type, Collection<String> types) {
        int max = Math.max(2, type.length() / 3);
        List<String> near = new ArrayList<>();
        for (String t : dev.ariadne.core.text.EditDistance.closest(type, types, 5)) {
            if (dev.ariadne.core.text.EditDistance.bounded(t.toLowerCase(java.util.Locale.ROOT),
                    type.toLowerCase(java.util.Locale.ROOT), max) <= max) {
                near.add(t);
            }
        }
        return near.isEmpty() ? " (its types: " + String.join(", ", types.stream().sorted().limit(20).toList()) + ")"
                : " (did you mean " + String.join(", ", near) + "?)";
    }

    private static RelationPhrases override(RelationPhrases base, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidInputException("expected {\"forward\": {...}, \"inverse\": {...}}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!n.equals("forward") && !n.equals("inverse")) {
                throw new InvalidInputException("unknown key '" + n + "' (expected forward, inverse)");
            }
        }
        return new RelationPhrases(direction(base.forward(), node.get("forward"), "forward"),
                direction(base.inverse(), node.get("inverse"), "inverse"));
    }

    private static RelationPhrases.Direction direction(RelationPhrases.Direction base, JsonNode node, String name) {
        if (node == null) {
            return base;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(name + ": expected {\"phrases\": [...], \"questions\": [...]}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!n.equals("phrases") && !n.equals("questions")) {
                throw new InvalidInputException(name + ": unknown key '" + n + "' (expected phrases, questions)");
            }
        }
        return new RelationPhrases.Direction(strings(node.get("phrases"), base.phrases(), name + ".phrases"),
                strings(node.get("questions"), base.questions(), name + ".questions"));
    }

    private static List<String> strings(JsonNode node, List<String> base, String name) {
        if (node == null) {
            return base;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(name + ": expected an array of strings with " + RelationWording.SLOT);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual()) {
                throw new InvalidInputException(name + ": expected strings, found " + s.getNodeType());
            }
            out.add(s.asText().strip());
        }
        return out;
    }

    /** The phrases of {@code file} over the derived ones when a file is given, else the derived ones alone. */
    public static PhraseBook of(Path fileOrNull, Collection<String> types) {
        return of(fileOrNull, types, java.util.Set.of());
    }

    /** {@link #of(Path, Collection)} with the graph's attribute relations worded as attributes. */
    public static PhraseBook of(Path fileOrNull, Collection<String> types, java.util.Set<String> attributes) {
        return fileOrNull == null ? derived(types, attributes) : read(fileOrNull, types, attributes);
    }

    /** Writes every type's phrases in the file format {@link #read} takes, for a user to edit. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, RelationPhrases> e : byType.entrySet()) {
            ObjectNode rel = root.putObject(e.getKey());
            put(rel.putObject("forward"), e.getValue().forward());
            put(rel.putObject("inverse"), e.getValue().inverse());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the phrase file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode o, RelationPhrases.Direction d) {
        ArrayNode p = o.putArray("phrases");
        d.phrases().forEach(p::add);
        ArrayNode q = o.putArray("questions");
        d.questions().forEach(q::add);
    }

    /** The phrases of {@code type}; derived on the fly for a type the book was not built with. */
    public RelationPhrases phrases(String type) {
        RelationPhrases p = byType.get(type);
        return p != null ? p : RelationPhrases.derived(type);
    }

    public SortedMap<String, RelationPhrases> all() {
        return byType;
    }
}
