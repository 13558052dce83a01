package dev.tora.ui.experiment;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/** A JSON document as a collapsible tree: objects and arrays are sections, the rest entries. */
final class JsonTree {

    /** Nodes shown at most, so a 64 KiB document of tiny values cannot make a huge page. */
    static final int MAX_NODES = 2_000;

    private int nodes;

    private JsonTree() {
    }

    /** The tree of {@code document} (empty for null), top level expanded. */
    static TreeNode<KeyValueRow> build(JsonObject document) {
        TreeNode<KeyValueRow> root = new DefaultTreeNode<>(new KeyValueRow("", "", null, false), null);
        if (document != null) {
            new JsonTree().members(document, "", root, true);
        }
        return root;
    }

    private void add(String label, String path, JsonValue value, TreeNode<KeyValueRow> parent, boolean expand) {
        if (++nodes > MAX_NODES) {
            if (nodes == MAX_NODES + 1) {
                new DefaultTreeNode<>(new KeyValueRow("…", path, "more entries not shown", true), parent);
            }
            return;
        }
        switch (value.getValueType()) {
            case OBJECT -> {
                TreeNode<KeyValueRow> node = section(label, path, "{" + value.asJsonObject().size() + "}", parent, expand);
                members(value.asJsonObject(), path, node, false);
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                TreeNode<KeyValueRow> node = section(label, path, "[" + array.size() + "]", parent, expand);
                for (int i = 0; i < array.size(); i++) {
                    add("[" + i + "]", path + "[" + i + "]", array.get(i), node, false);
                }
            }
            case STRING -> new DefaultTreeNode<>(new KeyValueRow(label, path, ((JsonString) value).getString(), true), parent);
            default -> new DefaultTreeNode<>(new KeyValueRow(label, path, value.toString(), true), parent);
        }
    }

    private void members(JsonObject object, String path, TreeNode<KeyValueRow> parent, boolean expand) {
        object.forEach((k, v) -> add(k, path.isEmpty() ? k : path + "." + k, v, parent, expand));
    }

    private static TreeNode<KeyValueRow> section(String label, String path, String size, TreeNode<KeyValueRow> parent,
                                                 boolean expand) {
        TreeNode<KeyValueRow> node = new DefaultTreeNode<>(new KeyValueRow(label, path, size, false), parent);
        node.setExpanded(expand);
        return node;
    }
}
