package dev.tora.core.application.workspace;

import dev.tora.core.domain.workspace.Role;
import dev.tora.core.domain.workspace.Workspace;

/** A workspace as its members see it, with the caller's role. */
public record WorkspaceDetails(String id, String name, String description, long createdAt, Role role) {

    static WorkspaceDetails of(Workspace w, Role role) {
        return new WorkspaceDetails(w.getId(), w.getName(), w.getDescription(), w.getCreatedAt(), role);
    }
}
