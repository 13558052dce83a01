package dev.tora.core.infrastructure.query;

import java.util.List;

/** The rows of a page and the number of matches in all. */
public record CountedPage(List<SortedRow> rows, long total) {

    /** A page; the list is copied. */
    public CountedPage {
        rows = List.copyOf(rows);
    }
}
