package dev.tora.ui.dashboard;

import dev.tora.core.domain.query.Field;
import dev.tora.core.domain.query.Metric;
import dev.tora.core.domain.query.Param;
import dev.tora.core.domain.query.SortKey;
import java.io.Serializable;

/**
 * One column of the experiments table.
 *
 * @param key   what it shows and sorts by, written as the query language writes sort keys
 *              ({@code name}, {@code params.optim.lr}, {@code metrics."val loss".min}), or {@code tags}
 * @param width width in pixels, or 0 for the default
 */
public record DashboardColumn(String key, int width) implements Serializable {

    /** What a column shows. */
    public enum Kind { NAME, STATUS, TAGS, TIME, DURATION, PARAM, METRIC }

    /** A column of {@code key}; a key the query language cannot sort by is refused (naming {@code column}). */
    public DashboardColumn {
        if (!"tags".equals(key)) {
            SortKey.parse(key, "column");
        }
    }

    /** The field the column reads; null for tags. */
    public Field field() {
        return "tags".equals(key) ? null : SortKey.parse(key, "column").field();
    }

    /** What kind of value the column holds. */
    public Kind kind() {
        return switch (key) {
            case "name" -> Kind.NAME;
            case "status" -> Kind.STATUS;
            case "tags" -> Kind.TAGS;
            case "duration" -> Kind.DURATION;
            default -> field() instanceof Param ? Kind.PARAM : field() instanceof Metric ? Kind.METRIC : Kind.TIME;
        };
    }

    /** The header text: the attribute, the hyperparameter's key, or {@code metric.aggregate}. */
    public String header() {
        Field f = field();
        if (f instanceof Param p) {
            return p.key();
        }
        if (f instanceof Metric m) {
            return m.name() + "." + m.aggregate().id();
        }
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** Whether the database can sort by it (every column but tags). */
    public boolean isSortable() {
        return kind() != Kind.TAGS;
    }

    /** The width for the {@code width} attribute, or null for the default. */
    public String getCssWidth() {
        return width > 0 ? width + "px" : null;
    }

    /** The same column at another width. */
    public DashboardColumn withWidth(int newWidth) {
        return new DashboardColumn(key, newWidth);
    }
}
