package dev.ariadne.cypher.retrieve;

import dev.ariadne.core.mapping.EntityLabel;
import dev.ariadne.core.mapping.GraphMapping;
import java.util.List;
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
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * Keys and names of nodes under a {@link GraphMapping} other than Ariadne's own layout, on the kernel's
 * cursors: a node is an entity when it has a mapped label; the first such label in the mapping's order gives
 * its key (a property, or the element id) and its name (the first name property it has). Tokens are resolved
 * once per transaction; a label or property the store has never seen simply matches nothing.
 */
final class MappedNodes {
    private final GraphMapping mapping;
    private final List<EntityLabel> labels;
    private final int[] labelTokens;
    /** Per label: the key property's token, or -1 for the element id. */
    private final int[] keyTokens;
    private final int[][] nameTokens;

    MappedNodes(GraphMapping mapping, TokenRead tokens) {
        this.mapping = mapping;
        this.labels = mapping.labels();
        int n = labels.size();
        labelTokens = new int[n];
        keyTokens = new int[n];
        nameTokens = new int[n][];
        for (int i = 0; i < n; i++) {
            EntityLabel l = labels.get(i);
            labelTokens[i] = tokens.nodeLabel(l.label());
            keyTokens[i] = l.keyProperty().map(tokens::propertyKey).orElse(-1);
            nameTokens[i] = l.nameProperties().stream().mapToInt(tokens::propertyKey).toArray();
        }
    }

    GraphMapping mapping() {
        return mapping;
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
        read.singleNode(id, node);
        if (!node.next()) {
            return null;
        }
        int l = label(node);
        if (l < 0) {
            return null;
        }
        if (labels.get(l).keyProperty().isEmpty()) {
            return tx.elementIdMapper().nodeElementId(id);
        }
        return keyTokens[l] < 0 ? null : text(property(node, props, keyTokens[l]));
    }

    /** The entity's display name (null when it has none of its label's name properties). */
    String name(long id, Read read, NodeCursor node, PropertyCursor props) {
        read.singleNode(id, node);
        if (!node.next()) {
            return null;
        }
        int l = label(node);
        if (l < 0) {
            return null;
        }
        for (int token : nameTokens[l]) {
            String name = token < 0 ? null : text(property(node, props, token));
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    /**
     * The node whose key is {@code key}, or -1: labels are tried in order (a property key as text, then as a
     * number when it reads as one; an element id as such), and a candidate counts only if its own key, read
     * back, is {@code key} (a node found under a later label but keyed by an earlier one is not it).
     */
    long find(String key, Read read, NodeCursor node, PropertyCursor props, InternalTransaction tx) {
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
        return -1;
    }

    private static Value property(NodeCursor node, PropertyCursor props, int token) {
        node.properties(props, PropertySelection.selection(token));
        return props.next() ? props.propertyValue() : Values.NO_VALUE;
    }

    /** A property value as text; list elements joined with ", " (a name kept as a list of parts). */
    static String text(Value v) {
        if (v == null || v == Values.NO_VALUE) {
            return null;
        }
        if (v instanceof TextValue t) {
            return t.stringValue();
        }
        if (v instanceof ArrayValue a) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.intSize(); i++) {
                sb.append(i == 0 ? "" : ", ").append(text((Value) a.value(i)));
            }
            return sb.toString();
        }
        return v.asObjectCopy().toString();
    }
}
