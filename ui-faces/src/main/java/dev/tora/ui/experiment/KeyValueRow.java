package dev.tora.ui.experiment;

import java.io.Serializable;

/**
 * One row of a key/value tree: a section ({@code value} null, {@code leaf} false) or an entry.
 *
 * @param label the last part of the key, shown in the tree
 * @param key   the whole dotted key (empty for sections of a JSON document's arrays)
 * @param value the shown value, or null for a section
 * @param leaf  whether this is an entry
 */
public record KeyValueRow(String label, String key, String value, boolean leaf) implements Serializable {
}
