package dev.tora.core.infrastructure.query;

import dev.tora.core.domain.query.Expr;
import java.util.List;

/**
 * Which experiments a search looks at: those of {@code workspaceIds} that match {@code filter}
 * (null: all), with relative times and running durations counted up to {@code now} (epoch ms).
 */
public record Selection(List<String> workspaceIds, Expr filter, long now) {

    /** A selection; the list is copied and must not be empty. */
    public Selection {
        workspaceIds = List.copyOf(workspaceIds);
        if (workspaceIds.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one workspace");
        }
    }
}
