package dev.tora.core.infrastructure.query;

import java.util.List;

/**
 * A page query: its SQL, which selects the id, then the value of each sort column, then (when
 * {@code counted}) the number of matches.
 */
public record SearchStatement(SqlFragment sql, List<SortColumn> columns, boolean counted) {

    /** A statement; the list is copied. */
    public SearchStatement {
        columns = List.copyOf(columns);
    }
}
