package dev.tora.it.ui;

import dev.tora.it.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** Seeds experiments and series for the chart tests through the REST API. */
final class ChartSeed {

    /** The first timestamp of every seeded series: 2026-01-01T00:00:00Z. */
    static final long T0 = 1_767_225_600_000L;

    private final Api api;

    ChartSeed(Api api) {
        this.api = api;
    }

    /** A new experiment; hyperparams is a JSON object or null. */
    String experiment(String name, String hyperparams) {
        String body = "{\"name\":\"" + name + "\"" + (hyperparams == null ? "" : ",\"hyperparams\":" + hyperparams) + "}";
        Api.Reply r = api.post("/experiments", body);
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r);
        }
        return r.data().asJsonObject().getString("id");
    }

    /** Marks the experiment finished, so its page does not follow it live. */
    void finish(String id) {
        Api.Reply r = api.patch("/experiments/" + id, "{\"status\":\"finished\"}");
        if (r.status() != 200) {
            throw new AssertionError("finish failed: " + r);
        }
    }

    /**
     * Logs steps [from, from + n) of a series, value(step) as JSON text (a number or "\"NaN\""),
     * timestamp T0 + step * msPerStep, in batches of 10,000.
     */
    void log(String id, String name, long from, int n, LongFunction<String> value, long msPerStep) {
        for (long start = from; start < from + n; start += 10_000) {
            long end = Math.min(from + n, start + 10_000);
            List<String> steps = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> times = new ArrayList<>();
            for (long s = start; s < end; s++) {
                steps.add(Long.toString(s));
                values.add(value.apply(s));
                times.add(Long.toString(T0 + s * msPerStep));
            }
            String body = "{\"series\":[{\"name\":\"" + name + "\",\"steps\":[" + String.join(",", steps)
                    + "],\"values\":[" + String.join(",", values) + "],\"timestamps\":[" + String.join(",", times) + "]}]}";
            Api.Reply r = api.post("/experiments/" + id + "/metrics/batch", body);
            if (r.status() != 200) {
                throw new AssertionError("batch failed: " + r);
            }
        }
    }

    /** A double as JSON text (NaN and infinities as the API's strings). */
    static String json(double v) {
        if (Double.isNaN(v)) {
            return "\"NaN\"";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return Double.toString(v);
    }
}
