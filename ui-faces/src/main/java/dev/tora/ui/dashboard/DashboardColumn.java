package dev.tora.ui.dashboard;

import dev.tora.core.domain.query.Field;
import dev.tora.core.domain.query.Metric;
import dev.tora.core.domain.query.Param;
import dev.tora.core.domain.query.SortKey;
import java.io.Serializable;
import java.util.Objects;

/**
 * One column of the experiments table: its key (what it shows and sorts by, written as the query
 * language writes sort keys: {@code name}, {@code params.optim.lr}, {@code metrics."val loss".min},
 * or {@code tags}) and its width in pixels (0 for the default).
 *
 * <p>The key is parsed once, and the table reads everything through bean properties: the cells ask
 * for the kind about ten times per row, and EL looks a method call up by reflection every time,
 * while a property's getter is found once per class.
 */
public final class DashboardColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a column shows. */
    public enum Kind { NAME, STATUS, TAGS, TIME, DURATION, PARAM, METRIC }

    private final String key;
    private final int width;
    private final Kind kind;
    private transient Field field;

    /** A column of {@code key}; a key the query language cannot sort by is refused (naming {@code column}). */
    public DashboardColumn(String key, int width) {
        this.key = key;
        this.width = width;
        this.field = parse(key);
        this.kind = switch (key) {
            case "name" -> Kind.NAME;
            case "status" -> Kind.STATUS;
            case "tags" -> Kind.TAGS;
            case "duration" -> Kind.DURATION;
            default -> field instanceof Param ? Kind.PARAM : field instanceof Metric ? Kind.METRIC : Kind.TIME;
        };
    }

    private static Field parse(String key) {
        return "tags".equals(key) ? null : SortKey.parse(key, "column").field();
    }

    /** The key, as the query language writes sort keys. */
    public String getKey() {
        return key;
    }

    /** Width in pixels, or 0 for the default. */
    public int getWidth() {
        return width;
    }

    /** The field the column reads; null for tags. */
    public Field getField() {
        if (field == null && kind != Kind.TAGS) {
            field = parse(key); // after deserialisation
        }
        return field;
    }

    /** What kind of value the column holds. */
    public Kind getKind() {
        return kind;
    }

    /** The header text: the attribute, the hyperparameter's key, or {@code metric.aggregate}. */
    public String getHeader() {
        Field f = getField();
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
        return kind != Kind.TAGS;
    }

    /** Whether its cells hold numbers (aligned right). */
    public boolean isNumeric() {
        return kind == Kind.METRIC || kind == Kind.DURATION;
    }

    /** The width for the {@code width} attribute, or null for the default. */
    public String getCssWidth() {
        return width > 0 ? width + "px" : null;
    }

    /** The same column at another width. */
    public DashboardColumn withWidth(int newWidth) {
        return new DashboardColumn(key, newWidth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DashboardColumn c && c.key.equals(key) && c.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, width);
    }

    @Override
    public String toString() {
        return key + (width > 0 ? " (" + width + "px)" : "");
    }
}
