package dev.tora.ui.compare;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.SeriesSummary;
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

    /** Loads the experiments of the {@code ids} parameter that the caller may read. */
    public void load() {
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList((ids == null ? "" : ids).split(",")));
        wanted.removeIf(String::isBlank);
        if (wanted.size() > MAX) {
            UiMessages.error(ToraException.invalidField("ids", "compare at most " + MAX + " experiments; showing the first " + MAX));
        }
        List<ExperimentDetails> found = new ArrayList<>();
        int missing = 0;
        for (String id : wanted.stream().limit(MAX).toList()) {
            try {
                found.add(experimentService.get(caller.require(), id.strip()));
            } catch (ToraException notVisible) {
                missing++;
            }
        }
        if (missing > 0) {
            UiMessages.error(ToraException.notFound("experiments", missing + " of the ids"));
        }
        experiments = found;
        diff = null;
        List<String> metrics = getMetrics();
        metric = metrics.contains("loss") ? "loss" : metrics.isEmpty() ? null : metrics.get(0);
        List<String> differing = getDiff().stream().filter(HyperparamDiff.Row::differs).map(HyperparamDiff.Row::key).toList();
        axes = new ArrayList<>(differing.subList(0, Math.min(INITIAL_AXES, differing.size())));
        scatterParam = differing.stream().filter(this::numeric).findFirst().orElse(differing.isEmpty() ? null : differing.get(0));
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

    /** The parallel-coordinates plot's data. */
    public String getParallelJson() {
        return metric == null ? "{}" : CompareData.parallel(experiments, axes, metric, aggregate, contextPath());
    }

    /** The scatter plot's data. */
    public String getScatterJson() {
        return metric == null || scatterParam == null ? "{}"
                : CompareData.scatter(experiments, scatterParam, metric, aggregate, contextPath());
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

    /** Count of points of the chosen metric in {@code e} (0 when it has none). */
    public long pointsOf(ExperimentDetails e) {
        return e.metrics().stream().filter(s -> s.name().equals(metric)).mapToLong(SeriesSummary::count).sum();
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
