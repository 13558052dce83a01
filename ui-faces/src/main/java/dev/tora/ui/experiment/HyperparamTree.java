package dev.tora.ui.experiment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/** Hyperparameters as a tree: dotted keys ({@code optim.lr}) grouped in collapsible sections. */
final class HyperparamTree {

    private HyperparamTree() {
    }

    /** The tree of the entries whose key or value contains {@code filter} (all when blank), sections expanded while filtering. */
    static TreeNode<KeyValueRow> build(Map<String, Object> params, String filter) {
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        TreeNode<KeyValueRow> root = new DefaultTreeNode<>(new KeyValueRow("", "", null, false), null);
        Map<String, TreeNode<KeyValueRow>> sections = new HashMap<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(params).entrySet()) {
            String shown = display(e.getValue());
            if (!needle.isEmpty() && !e.getKey().toLowerCase(Locale.ROOT).contains(needle)
                    && !shown.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            String[] parts = e.getKey().split("\\.");
            TreeNode<KeyValueRow> parent = root;
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                path.append(i == 0 ? "" : ".").append(parts[i]);
                String sectionKey = path.toString();
                TreeNode<KeyValueRow> owner = parent;
                parent = sections.computeIfAbsent(sectionKey, k -> {
                    TreeNode<KeyValueRow> node = new DefaultTreeNode<>(new KeyValueRow(lastPart(k), k, null, false), owner);
                    node.setExpanded(true);
                    return node;
                });
            }
            new DefaultTreeNode<>(new KeyValueRow(parts[parts.length - 1], e.getKey(), shown, true), parent);
        }
        return root;
    }

    /** How a value is shown: as stored, null as "null". */
    static String display(Object value) {
        return String.valueOf(value);
    }

    private static String lastPart(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }
}
