package dev.tora.api.metrics;

import dev.tora.api.http.Fields;
import dev.tora.core.application.metric.PointsQuery;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.XAxis;

/** The query parameters of a points request. */
final class PointsParams {

    private PointsParams() {
    }

    static PointsQuery parse(String x, String from, String to, String points) {
        XAxis axis;
        if (x == null || x.equals("step")) {
            axis = XAxis.STEP;
        } else if (x.equals("time")) {
            axis = XAxis.TIME;
        } else {
            throw ToraException.invalidField("x", "must be step or time");
        }
        return new PointsQuery(axis, Fields.longParam(from, "from", Long.MIN_VALUE),
                Fields.longParam(to, "to", Long.MAX_VALUE),
                Fields.intParam(points, "points", PointsQuery.DEFAULT_POINTS, 1, PointsQuery.MAX_POINTS));
    }
}
