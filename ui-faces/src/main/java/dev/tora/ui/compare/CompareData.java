package dev.tora.ui.compare;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON the compare page's charts draw from: experiments with groups, plot dimensions. */
final class CompareData {

    private CompareData() {
    }

    /** {@code [{id, name, url, group}]}; the group is the value of {@code groupBy} ("tags" or a hyperparameter). */
    static String experiments(List<ExperimentDetails> experiments, String groupBy, String contextPath) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (ExperimentDetails e : experiments) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("id", e.id()).add("name", e.name())
                    .add("url", contextPath + "/experiments/" + e.id());
            if (groupBy != null && !groupBy.isEmpty()) {
                o.add("group", groupOf(e, groupBy));
            }
            a.add(o);
        }
        return a.build().toString();
    }

    /** Parallel coordinates: one dimension per hyperparameter, the metric summary last. */
    static String parallel(List<ExperimentDetails> experiments, List<String> params, String metric, String aggregate,
                           String contextPath) {
        JsonArrayBuilder dims = JSON.createArrayBuilder();
        for (String key : params) {
            dims.add(paramDimension(experiments, key));
        }
        dims.add(metricDimension(experiments, metric, aggregate));
        return JSON.createObjectBuilder().add("dimensions", dims).add("experiments", ids(experiments, contextPath)).build().toString();
    }

    /** Scatter: a hyperparameter on x against the metric summary on y. */
    static String scatter(List<ExperimentDetails> experiments, String param, String metric, String aggregate,
                          String contextPath) {
        return JSON.createObjectBuilder().add("x", paramDimension(experiments, param))
                .add("y", metricDimension(experiments, metric, aggregate)).add("experiments", ids(experiments, contextPath))
                .build().toString();
    }

    private static JsonObjectBuilder paramDimension(List<ExperimentDetails> experiments, String key) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : experiments) {
            Object v = e.hyperparams().get(key);
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                values.add(n.doubleValue());
            } else if (v == null) {
                values.addNull();
            } else {
                values.add(String.valueOf(v));
            }
        }
        return JSON.createObjectBuilder().add("key", "params." + key).add("label", key).add("values", values);
    }

    private static JsonObjectBuilder metricDimension(List<ExperimentDetails> experiments, String metric, String aggregate) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : experiments) {
            Double v = summary(e, metric, aggregate);
            if (v == null || !Double.isFinite(v)) {
                values.addNull();
            } else {
                values.add(v);
            }
        }
        return JSON.createObjectBuilder().add("key", "metrics." + metric + "." + aggregate)
                .add("label", metric + " (" + aggregate + ")").add("values", values);
    }

    /** The metric's summary value ({@code last}, {@code min} or {@code max}) in {@code e}, or null. */
    static Double summary(ExperimentDetails e, String metric, String aggregate) {
        for (SeriesSummary s : e.metrics()) {
            if (s.name().equals(metric)) {
                return switch (aggregate) {
                    case "min" -> s.min();
                    case "max" -> s.max();
                    default -> s.lastValue();
                };
            }
        }
        return null;
    }

    private static String groupOf(ExperimentDetails e, String groupBy) {
        if (groupBy.equals("tags")) {
            return e.tags().isEmpty() ? "(no tags)" : e.tags().stream().sorted().collect(Collectors.joining(", "));
        }
        return e.hyperparams().containsKey(groupBy) ? String.valueOf(e.hyperparams().get(groupBy)) : "(none)";
    }

    private static JsonArrayBuilder ids(List<ExperimentDetails> experiments, String contextPath) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        experiments.forEach(e -> a.add(JSON.createObjectBuilder().add("id", e.id()).add("name", e.name())
                .add("url", contextPath + "/experiments/" + e.id())));
        return a;
    }
}
