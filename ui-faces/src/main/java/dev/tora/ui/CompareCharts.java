package dev.tora.ui;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON payloads of the comparison plots for {@code compare.xhtml?ids=a,b&metric=loss&group=opt&params=lr,bs}:
 * the experiments (with the {@code group} hyperparameter's value as their group), parallel-coordinate
 * dimensions (the {@code params} hyperparameters, then the metric's last value) and the scatter axes
 * (the first of {@code params} against the metric's last value). Experiments the caller may not see are left out.
 */
@Named
@RequestScoped
public class CompareCharts {

    @Inject
    private ExperimentService experiments;

    @Inject
    private UiCaller caller;

    private final List<ExperimentDetails> shown = new ArrayList<>();
    private String metric = "";
    private String group;
    private List<String> params = List.of();
    private String base = "";

    @PostConstruct
    void load() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> q = context.getRequestParameterMap();
        base = context.getRequestContextPath();
        metric = Optional.ofNullable(q.get("metric")).orElse("");
        group = blankToNull(q.get("group"));
        params = split(q.get("params"));
        Optional<Caller> who = caller.get();
        if (who.isEmpty()) {
            return;
        }
        for (String id : split(q.get("ids")).stream().limit(100).toList()) {
            try {
                shown.add(experiments.get(who.get(), id));
            } catch (ToraException notVisible) {
                // unknown or private: not compared
            }
        }
    }

    public String getMetric() {
        return metric;
    }

    /** Whether any experiment is shown. */
    public boolean isAny() {
        return !shown.isEmpty();
    }

    /** Whether the page asked for grouping. */
    public boolean isGrouped() {
        return group != null;
    }

    /** [{id, name, url, group}]. */
    public String getExperimentsJson() {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (ExperimentDetails e : shown) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("id", e.id()).add("name", e.name())
                    .add("url", base + "/experiments/" + e.id());
            if (group != null && e.hyperparams().get(group) != null) {
                o.add("group", String.valueOf(e.hyperparams().get(group)));
            }
            a.add(o);
        }
        return a.build().toString();
    }

    /** One dimension per chosen hyperparameter, then the metric's last value. */
    public String getDimensionsJson() {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (String key : params) {
            a.add(JSON.createObjectBuilder().add("key", "params." + key).add("label", key).add("values", paramValues(key)));
        }
        a.add(JSON.createObjectBuilder().add("key", "metrics." + metric).add("label", metric + " (last)")
                .add("values", lastValues()));
        return a.build().toString();
    }

    /** The first chosen hyperparameter as the scatter's x axis. */
    public String getScatterXJson() {
        String key = params.isEmpty() ? "" : params.get(0);
        return JSON.createObjectBuilder().add("label", key).add("values", paramValues(key)).build().toString();
    }

    /** The metric's last value as the scatter's y axis. */
    public String getScatterYJson() {
        return JSON.createObjectBuilder().add("label", metric + " (last)").add("values", lastValues()).build().toString();
    }

    private JsonArrayBuilder paramValues(String key) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : shown) {
            Object v = e.hyperparams().get(key);
            if (v instanceof Long l) {
                values.add(l);
            } else if (v instanceof Double d && Double.isFinite(d)) {
                values.add(d);
            } else if (v == null || v instanceof Double) {
                values.addNull();
            } else {
                values.add(String.valueOf(v));
            }
        }
        return values;
    }

    private JsonArrayBuilder lastValues() {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : shown) {
            Double last = e.metrics().stream().filter(s -> s.name().equals(metric)).findFirst()
                    .map(SeriesSummary::lastValue).orElse(null);
            if (last == null || !Double.isFinite(last)) {
                values.addNull();
            } else {
                values.add(last);
            }
        }
        return values;
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
