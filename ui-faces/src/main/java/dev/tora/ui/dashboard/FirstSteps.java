package dev.tora.ui.dashboard;

import dev.tora.core.domain.workspace.Workspace;
import dev.tora.ui.frame.ServerUrls;
import dev.tora.ui.frame.WorkspaceContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The snippets an empty workspace shows: how to log a first run to this very server and workspace. */
@Named
@RequestScoped
public class FirstSteps {

    @Inject
    ServerUrls urls;

    @Inject
    WorkspaceContext workspace;

    /** The three Python lines. */
    public String getPython() {
        String ws = nonDefaultWorkspace();
        return "import tora\n"
                + "tora.setup(\"my-first-run\", hyperparams={\"lr\": 3e-4}, server_url=\"" + urls.getApi() + "\""
                + (ws == null ? "" : ", workspace_id=\"" + ws + "\"") + ")\n"
                + "tora.log(\"loss\", loss, step=step)   # in the training loop";
    }

    /** The Java equivalent. */
    public String getJava() {
        String ws = nonDefaultWorkspace();
        return "try (ToraClient tora = ToraClient.builder().serverUrl(\"" + urls.getApi() + "\").build();\n"
                + "     Run run = tora.createExperiment(ExperimentSpec.builder(\"my-first-run\")"
                + (ws == null ? "" : ".workspaceId(\"" + ws + "\")") + ".build())) {\n"
                + "    run.log(\"loss\", loss, step);   // in the training loop\n"
                + "}";
    }

    private String nonDefaultWorkspace() {
        String id = workspace.getId();
        return id == null || Workspace.DEFAULT_ID.equals(id) ? null : id;
    }
}
