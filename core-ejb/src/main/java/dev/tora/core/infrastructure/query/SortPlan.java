package dev.tora.core.infrastructure.query;

import java.util.List;

/**
 * How to sort: an optional LEFT JOIN that brings the sorted value next to the experiment, and the
 * ORDER BY columns, the last of which is always {@code e.id} so that every order is total.
 */
public record SortPlan(SqlFragment join, List<SortColumn> columns) {

    /** A plan; the list is copied. */
    public SortPlan {
        columns = List.copyOf(columns);
    }
}
