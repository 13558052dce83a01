package dev.tora.ui.workspace;

import dev.tora.core.application.workspace.WorkspaceService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The "New workspace" dialog of the top bar. */
@Named
@RequestScoped
public class NewWorkspaceForm {

    @Inject
    private WorkspaceService workspaces;

    @Inject
    private UiCaller caller;

    private String name;
    private String description;

    /** Creates the workspace (owned by the caller) and opens its dashboard. */
    public void create() throws IOException {
        try {
            String id = workspaces.create(caller.require(), name, description).id();
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/?workspace=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        } catch (ToraException e) {
            UiMessages.error(e, "new-workspace-form:" + ("description".equals(e.details().get("field")) ? "ws-description" : "ws-name"));
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
