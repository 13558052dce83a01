package dev.tora.ui.dashboard;

import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.application.experiment.NewExperiment;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import dev.tora.ui.frame.WorkspaceContext;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The "New experiment" dialog of the dashboard; the server's validation shows by the field at fault. */
@Named
@ViewScoped
public class NewExperimentForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "new-experiment-form:";
    private static final Map<String, String> INPUTS = Map.of("name", "exp-name", "description", "exp-description",
            "tags", "exp-tags", "hyperparams", "exp-hyperparams");

    @Inject
    private ExperimentService experiments;

    @Inject
    private UiCaller caller;

    @Inject
    private WorkspaceContext workspace;

    private String name;
    private String description;
    private List<String> tags = new ArrayList<>();
    private String hyperparams;
    private String visibility = "private";

    /** Creates the experiment and opens its page. */
    public void create() throws IOException {
        try {
            NewExperiment request = new NewExperiment(null, workspace.getId(), name, blankToNull(description),
                    HyperparamLines.parse(hyperparams, "hyperparams"), tags, null, null,
                    Visibility.parse(visibility, "visibility"));
            String id = experiments.create(caller.require(), request).experiment().id();
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/experiments/" + id);
        } catch (ToraException e) {
            String field = String.valueOf(e.details().get("field"));
            String base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field.split("\\.")[0];
            UiMessages.error(e, INPUTS.containsKey(base) ? FORM + INPUTS.get(base) : null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : tags;
    }

    public String getHyperparams() {
        return hyperparams;
    }

    public void setHyperparams(String hyperparams) {
        this.hyperparams = hyperparams;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }
}
