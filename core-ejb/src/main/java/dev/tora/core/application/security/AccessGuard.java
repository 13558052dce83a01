package dev.tora.core.application.security;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.domain.workspace.Role;
import dev.tora.core.domain.workspace.WorkspaceMember;
import dev.tora.core.infrastructure.persistence.ToraDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides whether a caller may do something to a workspace or an experiment.
 * A thing the caller may not read is reported as not found, so its existence is not revealed.
 */
@ApplicationScoped
public class AccessGuard {

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private ToraDatabase database;

    /** Requires {@code permission} on the workspace; returns the caller's role there. */
    public Role requireWorkspace(Caller caller, String workspaceId, Permission permission) {
        Objects.requireNonNull(permission, "every operation declares the permission it needs");
        Role role = roleIn(caller, workspaceId)
                .orElseThrow(() -> ToraException.notFound("workspace", workspaceId));
        if (!role.grants(permission)) {
            throw ToraException.forbidden("your role in workspace " + workspaceId + " does not allow this");
        }
        return role;
    }

    /** Requires {@code permission} on the experiment and returns it (managed). */
    public Experiment requireExperiment(Caller caller, String experimentId, Permission permission) {
        Objects.requireNonNull(permission, "every operation declares the permission it needs");
        Experiment experiment = experimentId == null ? null : em.find(Experiment.class, experimentId);
        if (experiment == null) {
            throw ToraException.notFound("experiment", String.valueOf(experimentId));
        }
        decide(experimentId, experiment.getVisibility(), roleIn(caller, experiment.getWorkspaceId()), permission);
        return experiment;
    }

    /** Whether the caller may read {@code experiment} (a member of its workspace, or it is public). */
    public boolean canRead(Caller caller, Experiment experiment) {
        Objects.requireNonNull(caller, "every read names its caller");
        return roleIn(caller, experiment.getWorkspaceId()).isPresent() || experiment.getVisibility() == Visibility.PUBLIC;
    }

    private static void decide(String experimentId, Visibility visibility, Optional<Role> role, Permission permission) {
        if (role.isEmpty()) {
            if (visibility != Visibility.PUBLIC) {
                throw ToraException.notFound("experiment", experimentId);
            }
            if (permission != Permission.READ) {
                throw ToraException.forbidden("experiment " + experimentId + " is public but read-only for you");
            }
            return;
        }
        if (!role.get().grants(permission)) {
            throw ToraException.forbidden("your role does not allow changing experiment " + experimentId);
        }
    }

    /**
     * Requires {@code permission} on the experiment without loading it: one query for the hot
     * paths (every metric batch and chart query passes here).
     */
    public void checkExperiment(Caller caller, String experimentId, Permission permission) {
        Objects.requireNonNull(permission, "every operation declares the permission it needs");
        if (experimentId == null) {
            throw ToraException.notFound("experiment", "null");
        }
        // Plain JDBC in the caller's transaction: no persistence context to set up for a lookup.
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT e.visibility, m.role FROM experiment e LEFT JOIN workspace_member m"
                        + " ON m.workspace_id = e.workspace_id AND m.user_id = ? WHERE e.id = ?")) {
            ps.setString(1, caller.userId());
            ps.setString(2, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ToraException.notFound("experiment", experimentId);
                }
                decide(experimentId, Visibility.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(rs.getString(2)).map(Role::of), permission);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check access to experiment " + experimentId, e);
        }
    }

    /** Ids of the workspaces the caller is a member of. */
    public List<String> memberWorkspaces(Caller caller) {
        return em.createQuery("SELECT m.workspaceId FROM WorkspaceMember m WHERE m.userId = :u", String.class)
                .setParameter("u", caller.userId())
                .getResultList();
    }

    private Optional<Role> roleIn(Caller caller, String workspaceId) {
        if (workspaceId == null) {
            return Optional.empty();
        }
        WorkspaceMember m = em.find(WorkspaceMember.class, new WorkspaceMember.Key(workspaceId, caller.userId()));
        return Optional.ofNullable(m).map(WorkspaceMember::getRole);
    }
}
