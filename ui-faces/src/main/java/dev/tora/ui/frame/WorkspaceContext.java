package dev.tora.ui.frame;

import dev.tora.core.application.workspace.WorkspaceDetails;
import dev.tora.core.application.workspace.WorkspaceService;
import dev.tora.core.domain.workspace.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The workspace a page shows: the {@code workspace} parameter, else the one chosen last in this
 * browser (a cookie), else the default workspace. Only workspaces the caller belongs to count.
 */
@Named
@RequestScoped
public class WorkspaceContext {

    private static final String COOKIE = "tora.workspace";

    @Inject
    private WorkspaceService workspaceService;

    @Inject
    private UiCaller caller;

    private List<WorkspaceDetails> workspaces;
    private String id;

    /** Whether the UI can act for anyone (local mode). */
    public boolean isAvailable() {
        return caller.get().isPresent();
    }

    /** The caller's workspaces, oldest first. */
    public List<WorkspaceDetails> getWorkspaces() {
        if (workspaces == null) {
            workspaces = caller.get().map(workspaceService::list).orElse(List.of());
        }
        return workspaces;
    }

    /** The current workspace's id. */
    public String getId() {
        if (id == null) {
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            String requested = ctx.getRequestParameterMap().get("workspace");
            Object cookie = ctx.getRequestCookieMap().get(COOKIE);
            String remembered = cookie instanceof Cookie c ? c.getValue() : null;
            id = known(requested) ? requested : known(remembered) ? remembered : Workspace.DEFAULT_ID;
            if (!id.equals(remembered)) {
                // postbacks carry no query string: the cookie keeps them in the workspace the page shows
                remember(ctx, id);
            }
        }
        return id;
    }

    private static void remember(ExternalContext ctx, String workspaceId) {
        ctx.addResponseCookie(COOKIE, workspaceId, Map.of("path", "/", "maxAge", 60 * 60 * 24 * 365, "SameSite", "Lax"));
    }

    /** Set by the switcher, or by a page that belongs to a workspace (an experiment's). */
    public void setId(String id) {
        if (known(id) && !id.equals(getId())) {
            this.id = id;
            remember(FacesContext.getCurrentInstance().getExternalContext(), id);
        }
    }

    /** The current workspace. */
    public WorkspaceDetails getCurrent() {
        String current = getId();
        return getWorkspaces().stream().filter(w -> w.id().equals(current)).findFirst()
                .orElse(getWorkspaces().isEmpty() ? null : getWorkspaces().get(0));
    }

    /** Remembers the chosen workspace and opens its dashboard. */
    public void switchTo() throws IOException {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        remember(ctx, getId());
        ctx.redirect(ctx.getRequestContextPath() + "/?workspace=" + URLEncoder.encode(getId(), StandardCharsets.UTF_8));
    }

    private boolean known(String candidate) {
        return candidate != null && getWorkspaces().stream().anyMatch(w -> w.id().equals(candidate));
    }
}
