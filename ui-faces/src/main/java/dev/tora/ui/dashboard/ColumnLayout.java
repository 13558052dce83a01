package dev.tora.ui.dashboard;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.domain.error.ToraException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The dashboard's columns in order, with their widths; stored per user and workspace as JSON. */
public final class ColumnLayout implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Most columns a layout keeps. */
    static final int MAX_COLUMNS = 60;
    /** Narrowest and widest column a layout keeps, in pixels. */
    static final int MIN_WIDTH = 40;
    static final int MAX_WIDTH = 2000;
    /**
     * Width of a column added to a layout whose columns have widths: a fixed-layout table gives
     * an automatic column only what the others leave, which after a resize can be nothing.
     */
    static final int ADDED_WIDTH = 160;

    private final List<DashboardColumn> columns;

    private ColumnLayout(List<DashboardColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Name, status, tags, created and duration. */
    public static ColumnLayout defaults() {
        return new ColumnLayout(List.of(new DashboardColumn("name", 0), new DashboardColumn("status", 0),
                new DashboardColumn("tags", 0), new DashboardColumn("created", 0), new DashboardColumn("duration", 0)));
    }

    /** A stored layout; anything unreadable falls back to the defaults. */
    public static ColumnLayout fromJson(JsonStructure json) {
        if (!(json instanceof JsonArray array)) {
            return defaults();
        }
        List<DashboardColumn> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonValue v : array) {
            if (v instanceof JsonObject o && o.get("key") instanceof jakarta.json.JsonString key
                    && seen.add(key.getString()) && out.size() < MAX_COLUMNS) {
                try {
                    out.add(new DashboardColumn(key.getString(), clampWidth(o.getInt("width", 0))));
                } catch (ToraException | ClassCastException stale) {
                    // a key an older version wrote and this one no longer reads: dropped
                }
            }
        }
        return out.isEmpty() ? defaults() : new ColumnLayout(out);
    }

    /** The layout as stored. */
    public JsonArray toJson() {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        columns.forEach(c -> a.add(JSON.createObjectBuilder().add("key", c.getKey()).add("width", c.getWidth())));
        return a.build();
    }

    /** The columns in order. */
    public List<DashboardColumn> columns() {
        return columns;
    }

    /** Whether a column shows {@code key}. */
    public boolean has(String key) {
        return columns.stream().anyMatch(c -> c.getKey().equals(key));
    }

    /**
     * This layout with {@code key} appended (unchanged when already there or full); an unknown key
     * is refused. The new column is {@link #ADDED_WIDTH} wide once any column has a width.
     */
    public ColumnLayout add(String key) {
        if (has(key) || columns.size() >= MAX_COLUMNS) {
            return this;
        }
        List<DashboardColumn> next = new ArrayList<>(columns);
        boolean sized = columns.stream().anyMatch(c -> c.getWidth() > 0);
        next.add(new DashboardColumn(key, sized ? ADDED_WIDTH : 0));
        return new ColumnLayout(next);
    }

    /** This layout without {@code key}; the name column always stays. */
    public ColumnLayout remove(String key) {
        if ("name".equals(key)) {
            return this;
        }
        return new ColumnLayout(columns.stream().filter(c -> !c.getKey().equals(key)).toList());
    }

    /** This layout with {@code key} moved by {@code delta} places (negative: left). */
    public ColumnLayout move(String key, int delta) {
        int from = indexOf(key);
        if (from < 0) {
            return this;
        }
        int to = Math.max(0, Math.min(columns.size() - 1, from + delta));
        List<DashboardColumn> next = new ArrayList<>(columns);
        next.add(to, next.remove(from));
        return new ColumnLayout(next);
    }

    /**
     * This layout as the browser shows it after a drag or a resize: {@code shown} lists, left to
     * right, each column's index in this layout and its width in pixels.
     */
    public ColumnLayout arrangedAs(List<int[]> shown) {
        List<DashboardColumn> next = new ArrayList<>();
        Set<Integer> used = new LinkedHashSet<>();
        for (int[] indexAndWidth : shown) {
            int i = indexAndWidth[0];
            if (i >= 0 && i < columns.size() && used.add(i)) {
                next.add(columns.get(i).withWidth(clampWidth(indexAndWidth[1])));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!used.contains(i)) {
                next.add(columns.get(i));
            }
        }
        return new ColumnLayout(next);
    }

    private int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int clampWidth(int width) {
        return width <= 0 ? 0 : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnLayout other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }
}
