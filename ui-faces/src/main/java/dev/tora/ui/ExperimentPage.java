package dev.tora.ui;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One experiment, read-only: its fields, hyperparameters and metric summaries. */
@Named
@ViewScoped
public class ExperimentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ExperimentService experiments;

    @Inject
    private UiCaller caller;

    private String id;
    private ExperimentDetails experiment;

    /** Loads the experiment named by the {@code id} parameter; unknown or hidden is a 404. */
    public void load() throws IOException {
        try {
            experiment = experiments.get(caller.get().orElseThrow(() -> ToraException.notFound("experiment", id)), id);
        } catch (ToraException notVisible) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "experiment not found");
            FacesContext.getCurrentInstance().responseComplete();
        }
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

    /** Hyperparameters as rows, sorted by key. */
    public List<Map.Entry<String, Object>> getHyperparams() {
        List<Map.Entry<String, Object>> rows = new ArrayList<>(experiment.hyperparams().entrySet());
        rows.sort(Map.Entry.comparingByKey());
        return rows;
    }

    /** Metric summaries, by name. */
    public List<SeriesSummary> getMetrics() {
        return experiment.metrics();
    }

    /** An epoch-millisecond time as ISO-8601, or empty. */
    public String time(Long epochMillis) {
        return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
    }
}
