package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.mapping.Attribute;
import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.internal.kernel.api.TokenSet;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.values.storable.ArrayValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * Keys, names and attributes of nodes under a {@link GraphMapping} other than Ariadne's own layout, on the
 * kernel's cursors: a node is an entity when it has a mapped label; the first such label in the mapping's
 * order gives its key (a property, or the element id), its name (the first name property it has) and its
 * attributes. Tokens are resolved once per transaction; a label or property the store has never seen simply
 * matches nothing.
 *
 * <p>Literal values reached through attributes get ids of their own, below -1 so they never meet a node
 * id nor {@link KernelHops#NOT_FOUND}, one per value text (so {@code 1999} the integer and {@code "1999"} the string are one literal, as
 * their keys are one), and each (node, attribute, value) edge a negative relationship id, so a path uses it
 * once like any relationship. Both tables live as long as the transaction's reads.
 */
final class MappedNodes {
    /** Receives one attribute edge: its id and the node or literal at its other end. */
    @FunctionalInterface
    interface AttributeSink {
        void edge(long relationship, long other);
    }

    private final GraphMapping mapping;
    private final List<EntityLabel> labels;
    private final int[] labelTokens;
    /** Per label: the key property's token, or -1 for the element id. */
    private final int[] keyTokens;
    private final int[][] nameTokens;
    /** Every attribute relation name; attribute {@code a} is pseudo relationship type {@code -(a + 2)}. */
    private final List<String> attributes = new ArrayList<>();
    /** Per label, per attribute index: the property token, or -2 when the label lacks that attribute. */
    private final int[][] attributeTokens;
    private final Map<String, Long> literalIds = new HashMap<>();
    private final List<String> literalTexts = new ArrayList<>();
    private final Map<List<Long>, Long> edgeIds = new HashMap<>();
    /** Where list attributes' value indexes are kept across transactions, or null to read every node each time. */
    private final ReadCache.Generation shared;

    MappedNodes(GraphMapping mapping, TokenRead tokens, ReadCache.Generation shared) {
        this.shared = shared;
        this.mapping = mapping;
        this.labels = mapping.labels();
        this.attributes.addAll(mapping.attributeRelations());
        int n = labels.size();
        labelTokens = new int[n];
        keyTokens = new int[n];
        nameTokens = new int[n][];
        attributeTokens = new int[n][attributes.size()];
        for (int i = 0; i < n; i++) {
            EntityLabel l = labels.get(i);
            labelTokens[i] = tokens.nodeLabel(l.label());
            keyTokens[i] = l.keyProperty().map(tokens::propertyKey).orElse(-1);
            nameTokens[i] = l.nameProperties().stream().mapToInt(tokens::propertyKey).toArray();
            for (int a = 0; a < attributes.size(); a++) {
                attributeTokens[i][a] = l.attribute(attributes.get(a)).map(x -> tokens.propertyKey(x.property())).orElse(-2);
            }
        }
    }

    GraphMapping mapping() {
        return mapping;
    }

    /** The attribute's index, or -1 when {@code relation} is not an attribute. */
    int attribute(String relation) {
        return attributes.indexOf(relation);
    }

    int attributeCount() {
        return attributes.size();
    }

    /** Attributes are relationship types below -1 to the constraint's per-type bookkeeping. */
    static int pseudoType(int attribute) {
        return -(attribute + 2);
    }

    /** The attribute relation name of a pseudo type, or null for a real type token. */
    String attributeName(int type) {
        return type <= -2 && -type - 2 < attributes.size() ? attributes.get(-type - 2) : null;
    }

    /** The index of the node's first mapped label, or -1 when it is not an entity; {@code node} is positioned on it. */
    int label(NodeCursor node) {
        TokenSet has = node.labels();
        for (int i = 0; i < labelTokens.length; i++) {
            if (labelTokens[i] >= 0 && has.contains(labelTokens[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The entity's key, or null when the node is not an entity (no mapped label, or no key property). */
    String key(long id, Read read, NodeCursor node, PropertyCursor props, InternalTransaction tx) {
        if (id < 0) {
            return Attribute.literalKey(literalText(id));
        }
        int l = position(id, read, node);
        if (l < 0) {
            return null;
        }
        if (labels.get(l).keyProperty().isEmpty()) {
            return tx.elementIdMapper().nodeElementId(id);
        }
        return keyTokens[l] < 0 ? null : LiteralText.of(property(node, props, keyTokens[l]));
    }

    /** The entity's display name (null when it has none of its label's name properties); a literal's is its text. */
    String name(long id, Read read, NodeCursor node, PropertyCursor props) {
        if (id < 0) {
            return literalText(id);
        }
        int l = position(id, read, node);
        if (l < 0) {
            return null;
        }
        for (int token : nameTokens[l]) {
            String name = token < 0 ? null : LiteralText.of(property(node, props, token));
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    /**
     * The node (or literal) whose key is {@code key}, or -1: labels are tried in order (a property key as
     * text, then as the number it spells; an element id as such), and a candidate counts only if its own
     * key, read back, is {@code key}. A literal key names a value some entity holds under an attribute.
     */
    long find(String key, Read read, NodeCursor node, PropertyCursor props, InternalTransaction tx) {
        if (Attribute.isLiteralKey(key) && !attributes.isEmpty()) {
            long literal = literal(key.substring(Attribute.LITERAL_PREFIX.length()));
            for (int a = 0; a < attributes.size(); a++) {
                LongArrayList found = new LongArrayList();
                backward(literal, a, read, node, props, tx, (rel, other) -> found.add(other));
                if (!found.isEmpty()) {
                    return literal;
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labelTokens[i] < 0) {
                continue;
            }
            EntityLabel l = labels.get(i);
            if (l.keyProperty().isEmpty()) {
                long id;
                try {
                    id = tx.elementIdMapper().nodeId(key);
                } catch (RuntimeException notAnElementId) {
                    continue;
                }
                if (key.equals(key(id, read, node, props, tx))) {
                    return id;
                }
                continue;
            }
            for (Object value : EntityLabel.keyValues(key)) {
                try (ResourceIterator<Node> found = tx.findNodes(Label.label(l.label()), l.keyProperty().get(), value)) {
                    while (found.hasNext()) {
                        long id = found.next().getId();
                        if (key.equals(key(id, read, node, props, tx))) {
                            return id;
                        }
                    }
                }
            }
        }
        return KernelHops.NOT_FOUND;
    }

    /** Each value of attribute {@code a} on entity {@code id} (none when its first label lacks the attribute). */
    void forward(long id, int a, Read read, NodeCursor node, PropertyCursor props, AttributeSink sink) {
        if (id < 0) {
            return;
        }
        int l = position(id, read, node);
        if (l < 0 || attributeTokens[l][a] < 0) {
            return;
        }
        Value v = property(node, props, attributeTokens[l][a]);
        List<String> texts = new ArrayList<>();
        if (v instanceof ArrayValue array) {
            for (int i = 0; i < array.intSize(); i++) {
                texts.add(LiteralText.of((Value) array.value(i)));
            }
        } else if (v != Values.NO_VALUE) {
            texts.add(LiteralText.of(v));
        }
        for (String t : texts) {
            long literal = literal(t);
            sink.edge(edge(id, a, literal), literal);
        }
    }

    /**
     * Every entity holding literal {@code literal} under attribute {@code a}: through an index on the property
     * when there is one (else a label scan, as Neo4j plans it), and for a list attribute by reading every node
     * of the label. Only nodes whose first mapped label has the attribute count (as {@link #forward} reads).
     */
    void backward(long literal, int a, Read read, NodeCursor node, PropertyCursor props, InternalTransaction tx,
                  AttributeSink sink) {
        if (literal >= 0) {
            return;
        }
        String text = literalText(literal);
        LongArrayList holders = new LongArrayList();
        for (int i = 0; i < labels.size(); i++) {
            if (labelTokens[i] < 0 || attributeTokens[i][a] < 0) {
                continue;
            }
            Attribute attribute = labels.get(i).attribute(attributes.get(a)).orElseThrow();
            Label label = Label.label(labels.get(i).label());
            if (attribute.list() && shared != null) {
                long[] held = shared.values(i + "/" + attributes.get(a), () -> valueIndex(label, read, node, props, tx, a))
                        .get(text);
                if (held != null) {
                    holders.addAll(held);
                }
            } else if (attribute.list()) {
                try (ResourceIterator<Node> all = tx.findNodes(label)) {
                    while (all.hasNext()) {
                        holders.add(all.next().getId());
                    }
                }
            } else {
                for (Object value : Attribute.values(text)) {
                    try (ResourceIterator<Node> found = tx.findNodes(label, attribute.property(), value)) {
                        while (found.hasNext()) {
                            holders.add(found.next().getId());
                        }
                    }
                }
            }
        }
        // read back what each holder has (first label, list elements): the same edges forward reading gives
        LongArrayList seen = new LongArrayList();
        for (int k = 0; k < holders.size(); k++) {
            long holder = holders.get(k);
            if (seen.contains(holder)) {
                continue;
            }
            seen.add(holder);
            forward(holder, a, read, node, props, (rel, value) -> {
                if (value == literal) {
                    sink.edge(rel, holder);
                }
            });
        }
    }

    /** Value text -> the nodes of {@code label} holding it under attribute {@code a}: one pass over the label. */
    private Map<String, long[]> valueIndex(Label label, Read read, NodeCursor node, PropertyCursor props,
                                           InternalTransaction tx, int a) {
        Map<String, LongArrayList> index = new HashMap<>();
        LongArrayList ids = new LongArrayList();
        try (ResourceIterator<Node> all = tx.findNodes(label)) {
            while (all.hasNext()) {
                ids.add(all.next().getId());
            }
        }
        for (int k = 0; k < ids.size(); k++) {
            long holder = ids.get(k);
            forward(holder, a, read, node, props, (rel, value) ->
                    index.computeIfAbsent(literalText(value), t -> new LongArrayList()).add(holder));
        }
        Map<String, long[]> out = new HashMap<>(index.size() * 2);
        index.forEach((t, l) -> out.put(t, l.distinct().toArray()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private int position(long id, Read read, NodeCursor node) {
        read.singleNode(id, node);
        return node.next() ? label(node) : -1;
    }

    private long literal(String text) {
        return literalIds.computeIfAbsent(text, t -> {
            literalTexts.add(t);
            return (long) -(literalTexts.size() + 1);    // -1 is KernelHops.NOT_FOUND
        });
    }

    private String literalText(long id) {
        int i = (int) (-id - 2);
        if (i < 0 || i >= literalTexts.size()) {
            throw new IllegalStateException("literal id " + id + " was not made in this transaction's reads");
        }
        return literalTexts.get(i);
    }

    private long edge(long node, int attribute, long literal) {
        return edgeIds.computeIfAbsent(List.of(node, (long) attribute, literal), k -> (long) -(edgeIds.size() + 1));
    }

    private static Value property(NodeCursor node, PropertyCursor props, int token) {
        node.properties(props, PropertySelection.selection(token));
        return props.next() ? props.propertyValue() : Values.NO_VALUE;
    }
}
