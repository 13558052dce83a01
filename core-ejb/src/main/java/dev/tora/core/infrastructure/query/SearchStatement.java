package dev.tora.core.infrastructure.query;

import java.util.List;

/** A page query: its SQL, which selects {@code e.id} and then the value of each sort column. */
public record SearchStatement(SqlFragment sql, List<SortColumn> columns) {

    /** A statement; the list is copied. */
    public SearchStatement {
        columns = List.copyOf(columns);
    }
}
