package dev.tora.api.metrics;

import dev.tora.core.application.metric.SeriesPage;
import dev.tora.core.domain.metric.SeriesPoints;
import jakarta.json.stream.JsonGenerator;

/** Writes series points columnar, straight from primitive arrays to the response stream. */
final class PointsJson {

    private PointsJson() {
    }

    /** The members of one page's answer (inside an open object). */
    static void members(JsonGenerator g, SeriesPoints points) {
        if (points instanceof SeriesPoints.Raw raw) {
            g.write("mode", "raw");
            longs(g, "steps", raw.steps());
            values(g, "values", raw.values(), false);
            longs(g, "timestamps", raw.timestamps());
        } else if (points instanceof SeriesPoints.Buckets b) {
            g.write("mode", "buckets");
            longs(g, "x_start", b.xStart());
            longs(g, "x_end", b.xEnd());
            longs(g, "count", b.count());
            values(g, "min", b.min(), true);
            values(g, "max", b.max(), true);
            values(g, "first", b.first(), false);
            values(g, "last", b.last(), false);
            values(g, "mean", b.mean(), true);
            longs(g, "nonfinite", b.nonfinite());
        }
    }

    /** One page of a comparison, as an object. */
    static void page(JsonGenerator g, SeriesPage page) {
        g.writeStartObject();
        g.write("experiment", page.experimentId());
        g.write("name", page.name());
        if (page.points() == null) {
            g.write("mode", "missing");
        } else {
            members(g, page.points());
        }
        g.writeEnd();
    }

    private static void longs(JsonGenerator g, String name, long[] values) {
        g.writeStartArray(name);
        for (long v : values) {
            g.write(v);
        }
        g.writeEnd();
    }

    /** Doubles; NaN means "none" (null) where {@code nanIsNone}, else the value "NaN". */
    private static void values(JsonGenerator g, String name, double[] values, boolean nanIsNone) {
        g.writeStartArray(name);
        for (double v : values) {
            if (Double.isFinite(v)) {
                g.write(v);
            } else if (Double.isNaN(v)) {
                if (nanIsNone) {
                    g.writeNull();
                } else {
                    g.write("NaN");
                }
            } else {
                g.write(v > 0 ? "Infinity" : "-Infinity");
            }
        }
        g.writeEnd();
    }
}
