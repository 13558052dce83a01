package dev.tora.core.application.workspace;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.text.TextRules;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.domain.workspace.Role;
import dev.tora.core.domain.workspace.Workspace;
import dev.tora.core.domain.workspace.WorkspaceMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Workspaces the caller belongs to. */
@Stateless
public class WorkspaceService {

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AccessGuard access;

    @Inject
    private Clock clock;

    /** The caller's workspaces, oldest first. */
    public List<WorkspaceDetails> list(Caller caller) {
        return em.createQuery("SELECT w, m.role FROM Workspace w, WorkspaceMember m "
                        + "WHERE m.workspaceId = w.id AND m.userId = :u ORDER BY w.createdAt, w.id", Object[].class)
                .setParameter("u", caller.userId())
                .getResultStream()
                .map(row -> WorkspaceDetails.of((Workspace) row[0], Role.of((String) row[1])))
                .toList();
    }

    /** Creates a workspace owned by the caller. */
    public WorkspaceDetails create(Caller caller, String name, String description) {
        String checkedName = TextRules.requireName(name, "name", 255);
        String checkedDescription = TextRules.optionalText(description, "description", 65_535);
        Workspace w = new Workspace(UUID.randomUUID().toString(), checkedName, checkedDescription, clock.millis());
        em.persist(w);
        em.persist(new WorkspaceMember(w.getId(), caller.userId(), Role.OWNER));
        return WorkspaceDetails.of(w, Role.OWNER);
    }

    /** One workspace the caller belongs to. */
    public WorkspaceDetails get(Caller caller, String id) {
        Role role = access.requireWorkspace(caller, id, Permission.READ);
        return WorkspaceDetails.of(em.find(Workspace.class, id), role);
    }
}
