package dev.tora.ui.experiment;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentPatch;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import dev.tora.ui.frame.WorkspaceContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.primefaces.PrimeFaces;
import org.primefaces.model.TreeNode;

/** One experiment: its header edited in place, hyperparameters, metadata, metric summaries and charts. */
@Named
@ViewScoped
public class ExperimentPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Charts shown when the page opens. */
    private static final int INITIAL_CHARTS = 6;

    @Inject
    private ExperimentService experiments;

    @Inject
    private UiCaller caller;

    @Inject
    private WorkspaceContext workspace;

    @Inject
    private ExperimentLinks links;

    private String id;
    private ExperimentDetails experiment;
    private String name;
    private String description;
    private List<String> tags;
    private String status;
    private String visibility;
    private String paramFilter;
    private List<SeriesSummary> selectedMetrics = new ArrayList<>();
    private transient TreeNode<KeyValueRow> paramTree;
    private transient TreeNode<KeyValueRow> metadataTree;

    /** Loads the experiment named by the {@code id} parameter; unknown or hidden is a 404. */
    public void load() throws IOException {
        try {
            show(experiments.get(caller.require(), id));
            workspace.setId(experiment.workspaceId());
            selectedMetrics = new ArrayList<>(experiment.metrics().subList(0, Math.min(INITIAL_CHARTS, experiment.metrics().size())));
        } catch (ToraException notVisible) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "experiment not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** Saves the name edited in place. */
    public void saveName() {
        save(p -> p.withName(name));
    }

    /** Saves the description edited in place (empty clears it). */
    public void saveDescription() {
        save(p -> p.withDescription(description == null || description.isBlank() ? null : description));
    }

    /** Saves the tag list after a chip was added or removed. */
    public void saveTags() {
        save(p -> p.withTags(tags == null ? List.of() : tags));
    }

    /** Saves the status chosen in the header. */
    public void saveStatus() {
        save(p -> p.withStatus(ExperimentStatus.parse(status, "status")));
    }

    /** Saves the visibility chosen in the header. */
    public void saveVisibility() {
        save(p -> p.withVisibility(Visibility.parse(visibility, "visibility")));
    }

    /** Sends the chosen metrics to the chart grid. */
    public void chartsChanged() {
        PrimeFaces.current().ajax().addCallbackParam("metrics", getChartMetrics());
    }

    private void save(UnaryOperator<ExperimentPatch> change) {
        try {
            show(experiments.update(caller.require(), id, change.apply(ExperimentPatch.NONE)));
        } catch (ToraException e) {
            UiMessages.error(e);
            show(experiments.get(caller.require(), id));
        }
    }

    private void show(ExperimentDetails details) {
        experiment = details;
        name = details.name();
        description = details.description();
        tags = new ArrayList<>(details.tags());
        status = details.status().id();
        visibility = details.visibility().id();
        paramTree = null;
        metadataTree = null;
    }

    /** The hyperparameters, filtered and grouped by dotted key. */
    public TreeNode<KeyValueRow> getParamTree() {
        if (paramTree == null) {
            paramTree = HyperparamTree.build(experiment.hyperparams(), paramFilter);
        }
        return paramTree;
    }

    /** The metadata document as a tree. */
    public TreeNode<KeyValueRow> getMetadataTree() {
        if (metadataTree == null) {
            metadataTree = JsonTree.build(experiment.metadata());
        }
        return metadataTree;
    }

    /** The names of the metrics chosen for charts, comma-separated (the chart grid's attribute). */
    public String getChartMetrics() {
        return String.join(",", selectedMetrics.stream().map(SeriesSummary::name).toList());
    }

    /** Experiments this one derives from. */
    public List<ExperimentLinks.Link> getReferences() {
        return links.of(caller.require(), experiment.references());
    }

    /** Experiments that derive from this one. */
    public List<ExperimentLinks.Link> getReferencedBy() {
        return links.of(caller.require(), experiment.referencedBy());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ExperimentDetails getExperiment() {
        return experiment;
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
        this.tags = tags;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public String getParamFilter() {
        return paramFilter;
    }

    /** Filters the hyperparameter tree. */
    public void setParamFilter(String paramFilter) {
        this.paramFilter = paramFilter;
        this.paramTree = null;
    }

    public List<SeriesSummary> getSelectedMetrics() {
        return selectedMetrics;
    }

    public void setSelectedMetrics(List<SeriesSummary> selectedMetrics) {
        this.selectedMetrics = selectedMetrics == null ? new ArrayList<>() : new ArrayList<>(selectedMetrics);
    }
}
