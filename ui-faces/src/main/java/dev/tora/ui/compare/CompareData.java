package dev.tora.ui.compare;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON the compare page's charts draw from, one value per experiment in the experiments' order. */
final class CompareData {

    private CompareData() {
    }

    /** {@code [{id, name, url, group}]}; the group is the value of {@code groupBy} ("tags" or a hyperparameter), if any. */
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

    /** Parallel coordinates: {@code [{key, label, values}]}, one per hyperparameter, the metric summary last. */
    static String dimensions(List<ExperimentDetails> experiments, List<String> params, String metric, String aggregate) {
        JsonArrayBuilder dims = JSON.createArrayBuilder();
        for (String key : params) {
            dims.add(paramAxis(experiments, key).add("key", "params." + key));
        }
        dims.add(metricAxis(experiments, metric, aggregate).add("key", "metrics." + metric + "." + aggregate));
        return dims.build().toString();
    }

    /** A hyperparameter as a scatter axis: {@code {label, values}}. */
    static String paramAxisJson(List<ExperimentDetails> experiments, String key) {
        return paramAxis(experiments, key).build().toString();
    }

    /** A metric summary as a scatter axis: {@code {label, values}}. */
    static String metricAxisJson(List<ExperimentDetails> experiments, String metric, String aggregate) {
        return metricAxis(experiments, metric, aggregate).build().toString();
    }

    private static JsonObjectBuilder paramAxis(List<ExperimentDetails> experiments, String key) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : experiments) {
            Object v = e.hyperparams().get(key);
            if (v instanceof Long l) {
                values.add(l);
            } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                values.add(n.doubleValue());
            } else if (v == null || v instanceof Number) {
                values.addNull();
            } else {
                values.add(String.valueOf(v));
            }
        }
        return JSON.createObjectBuilder().add("label", key).add("values", values);
    }

    private static JsonObjectBuilder metricAxis(List<ExperimentDetails> experiments, String metric, String aggregate) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (ExperimentDetails e : experiments) {
            Double v = summary(e, metric, aggregate);
            if (v == null || !Double.isFinite(v)) {
                values.addNull();
            } else {
                values.add(v);
            }
        }
        return JSON.createObjectBuilder().add("label", metric + " (" + aggregate + ")").add("values", values);
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
}
