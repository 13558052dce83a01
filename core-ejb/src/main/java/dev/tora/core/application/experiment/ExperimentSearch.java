package dev.tora.core.application.experiment;

/**
 * A dashboard page request.
 *
 * @param workspaceId the workspace (null: every workspace the caller belongs to)
 * @param query       a condition in the query language, or null/blank for all
 * @param sortKey     {@code name | status | created | updated | ended | duration | params.<key> |
 *                    metrics.<name>.<last|min|max|count>}; null/blank: created
 * @param descending  direction; experiments without the sorted value come last either way
 * @param offset      rows to skip, 0 or more
 * @param limit       page size, 1 to {@link ExperimentQuery#MAX_LIMIT}
 */
public record ExperimentSearch(String workspaceId, String query, String sortKey, boolean descending, int offset,
                               int limit) {
}
