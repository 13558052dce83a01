package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.ExperimentStatus;

/**
 * A listing request; the filters combine with AND.
 *
 * @param workspaceId null: every workspace the caller belongs to
 * @param text        substring of name, description or a tag (case-insensitive), or null
 * @param tag         exact tag, or null
 * @param status      or null
 * @param query       a condition in the query language (see the README), or null
 * @param sort        a sort key ({@code SortKey} syntax, {@code created_at} and {@code updated_at} too); null: created
 * @param descending  direction
 * @param limit       page size, 1 to {@link #MAX_LIMIT}
 * @param cursor      opaque position from the previous page, or null
 */
public record ExperimentQuery(String workspaceId, String text, String tag, ExperimentStatus status, String query,
                              String sort, boolean descending, int limit, String cursor) {

    /** Default page size. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page size. */
    public static final int MAX_LIMIT = 500;
}
