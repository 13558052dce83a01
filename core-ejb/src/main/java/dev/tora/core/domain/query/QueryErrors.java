package dev.tora.core.domain.query;

import dev.tora.core.domain.error.ToraException;

/** The 400 errors of the query language: the field (query or sort), the problem and where it is. */
final class QueryErrors {

    private QueryErrors() {
    }

    /** A 400 naming {@code field} and the 0-based {@code position} of the problem. */
    static ToraException at(String field, int position, String problem) {
        return ToraException.invalidAt(field, problem, position);
    }
}
