package dev.tora.ui.compare;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Up to 100 experiments side by side: one metric charted, hyperparameters diffed and plotted. */
@Named
@ViewScoped
public class ComparePage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Most experiments compared at once. */
    static final int MAX = 100;
    /** Hyperparameters the parallel plot starts with. */
    private static final int INITIAL_AXES = 6;

    @Inject
    private ExperimentService experimentService;

    @Inject
    private UiCaller caller;

    private String ids;
    private List<ExperimentDetails> experiments = List.of();
    private transient List<HyperparamDiff.Row> diff;
    private boolean hideEqual;
    private String metric;
    private String aggregate = "last";
    private String groupBy = "";
    private List<String> axes = new ArrayList<>();
    private String scatterParam;

    /**
     * Loads the experiments of the {@code ids} parameter that the caller may read. The page's state
     * is its URL: {@code metric}, {@code group}, {@code summary}, {@code params} (the parallel
     * plot's axes, comma-separated or repeated) and {@code x} (the scatter's hyperparameter).
     */
    public void load() {
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList((ids == null ? "" : ids).split(",")));
        wanted.removeIf(String::isBlank);
        if (wanted.size() > MAX) {
            UiMessages.error(ToraException.invalidField("ids", "compare at most " + MAX + " experiments; showing the first " + MAX));
        }
        List<String> asked = wanted.stream().map(String::strip).limit(MAX).toList();
        experiments = experimentService.getAll(caller.require(), asked);
        if (experiments.size() < asked.size()) {
            UiMessages.error(ToraException.notFound("experiments", (asked.size() - experiments.size()) + " of the ids"));
        }
        diff = null;
        List<String> metrics = getMetrics();
        if (metric == null || !metrics.contains(metric)) {
            metric = metrics.contains("loss") ? "loss" : metrics.isEmpty() ? null : metrics.get(0);
        }
        List<String> keys = getParamKeys();
        List<String> differing = getDiff().stream().filter(HyperparamDiff.Row::differs).map(HyperparamDiff.Row::key).toList();
        List<String> chosenAxes = listParameter("params").stream().filter(keys::contains).toList();
        axes = new ArrayList<>(!chosenAxes.isEmpty() ? chosenAxes : differing.subList(0, Math.min(INITIAL_AXES, differing.size())));
        if (scatterParam == null || !keys.contains(scatterParam)) {
            scatterParam = axes.stream().filter(this::numeric).findFirst()
                    .orElse(axes.isEmpty() ? (keys.isEmpty() ? null : keys.get(0)) : axes.get(0));
        }
        if (!groupBy.isEmpty() && !groupBy.equals("tags") && !keys.contains(groupBy)) {
            groupBy = "";
        }
    }

    /** A request parameter given comma-separated, repeated, or both. */
    private static List<String> listParameter(String name) {
        String[] values = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get(name);
        List<String> out = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty() && !out.contains(x)).forEach(out::add);
        }
        return out;
    }

    /** The experiments shown, in the order asked for. */
    public List<ExperimentDetails> getExperiments() {
        return experiments;
    }

    /** Metric names any of the experiments logged, sorted. */
    public List<String> getMetrics() {
        Set<String> names = new TreeSet<>();
        experiments.forEach(e -> e.metrics().forEach(s -> names.add(s.name())));
        return List.copyOf(names);
    }

    /** Every hyperparameter key of any experiment, sorted. */
    public List<String> getParamKeys() {
        return getDiff().stream().map(HyperparamDiff.Row::key).toList();
    }

    /** The diff rows, without the keys equal everywhere when {@link #isHideEqual()}. */
    public List<HyperparamDiff.Row> getDiffRows() {
        return hideEqual ? getDiff().stream().filter(HyperparamDiff.Row::differs).toList() : getDiff();
    }

    private List<HyperparamDiff.Row> getDiff() {
        if (diff == null) {
            diff = HyperparamDiff.of(experiments);
        }
        return diff;
    }

    /** The experiments with their chart group, as the compare chart reads them. */
    public String getExperimentsJson() {
        return CompareData.experiments(experiments, groupBy, contextPath());
    }

    /** The parallel-coordinates plot's axes: the chosen hyperparameters, then the metric summary. */
    public String getDimensionsJson() {
        return CompareData.dimensions(experiments, axes, metric, aggregate);
    }

    /** The scatter's x axis: the chosen hyperparameter. */
    public String getScatterXJson() {
        return CompareData.paramAxisJson(experiments, scatterParam);
    }

    /** The scatter's y axis: the metric summary. */
    public String getScatterYJson() {
        return CompareData.metricAxisJson(experiments, metric, aggregate);
    }

    /** Whether the plots of hyperparameters against the metric have something to draw. */
    public boolean isPlottable() {
        return metric != null && scatterParam != null;
    }

    /** The summary of the chosen metric in one experiment, for the table. */
    public Double summaryOf(ExperimentDetails e) {
        return metric == null ? null : CompareData.summary(e, metric, aggregate);
    }

    private boolean numeric(String key) {
        return experiments.stream().map(e -> e.hyperparams().get(key)).allMatch(v -> v == null || v instanceof Number);
    }

    private static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public String getIds() {
        return ids;
    }

    public void setIds(String ids) {
        this.ids = ids;
    }

    public boolean isHideEqual() {
        return hideEqual;
    }

    public void setHideEqual(boolean hideEqual) {
        this.hideEqual = hideEqual;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getAggregate() {
        return aggregate;
    }

    public void setAggregate(String aggregate) {
        this.aggregate = List.of("last", "min", "max").contains(aggregate) ? aggregate : "last";
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy == null ? "" : groupBy;
    }

    public List<String> getAxes() {
        return axes;
    }

    public void setAxes(List<String> axes) {
        this.axes = axes == null ? new ArrayList<>() : new ArrayList<>(axes);
    }

    public String getScatterParam() {
        return scatterParam;
    }

    public void setScatterParam(String scatterParam) {
        this.scatterParam = scatterParam;
    }
}
