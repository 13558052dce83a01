package dev.tora.core.application.security;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.domain.workspace.Role;
import dev.tora.core.domain.workspace.WorkspaceMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
        Optional<Role> role = roleIn(caller, experiment.getWorkspaceId());
        if (role.isEmpty()) {
            boolean publiclyReadable = experiment.getVisibility() == Visibility.PUBLIC;
            if (!publiclyReadable) {
                throw ToraException.notFound("experiment", experimentId);
            }
            if (permission != Permission.READ) {
                throw ToraException.forbidden("experiment " + experimentId + " is public but read-only for you");
            }
            return experiment;
        }
        if (!role.get().grants(permission)) {
            throw ToraException.forbidden("your role does not allow changing experiment " + experimentId);
        }
        return experiment;
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
