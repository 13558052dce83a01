package dev.tora.core.infrastructure.query;

import java.util.List;

/** One experiment of a page and its sort position: a value per sort column, the id last. */
public record SortedRow(String id, List<Object> position) {

    /** A row; the list is copied. */
    public SortedRow {
        position = List.copyOf(position);
    }
}
