package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.ExperimentStatus;

/**
 * A listing request.
 *
 * @param workspaceId null: every workspace the caller belongs to
 * @param text        substring of name, description or a tag (case-insensitive), or null
 * @param tag         exact tag, or null
 * @param status      or null
 * @param sort        the order
 * @param descending  direction
 * @param limit       page size, 1 to {@link #MAX_LIMIT}
 * @param cursor      opaque position from the previous page, or null
 */
public record ExperimentQuery(String workspaceId, String text, String tag, ExperimentStatus status,
                              ExperimentSort sort, boolean descending, int limit, String cursor) {

    /** Default page size. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page size. */
    public static final int MAX_LIMIT = 500;
}
