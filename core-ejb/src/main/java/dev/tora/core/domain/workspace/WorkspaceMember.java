package dev.tora.core.domain.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A user's role in a workspace. */
@Entity
@Table(name = "workspace_member")
@IdClass(WorkspaceMember.Key.class)
public class WorkspaceMember {

    @Id
    @Column(name = "workspace_id", length = 36)
    private String workspaceId;

    @Id
    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    protected WorkspaceMember() {
    }

    /** A membership. */
    public WorkspaceMember(String workspaceId, String userId, Role role) {
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.role = role.id();
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getUserId() {
        return userId;
    }

    public Role getRole() {
        return Role.of(role);
    }

    /** Composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String workspaceId;
        private String userId;

        public Key() {
        }

        public Key(String workspaceId, String userId) {
            this.workspaceId = workspaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, userId);
        }
    }
}
