package dev.tora.core.application.experiment;

import java.util.List;

/** One page of a search and how many experiments match in all. */
public record SearchResult(List<ExperimentDetails> rows, long total) {

    /** A result; the list is copied. */
    public SearchResult {
        rows = List.copyOf(rows);
    }
}
