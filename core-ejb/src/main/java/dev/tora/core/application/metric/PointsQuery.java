package dev.tora.core.application.metric;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.XAxis;

/**
 * A chart's request: x axis, inclusive range and the most points (or buckets) wanted.
 *
 * @param from  inclusive lower x, {@code Long.MIN_VALUE} for open
 * @param to    inclusive upper x, {@code Long.MAX_VALUE} for open
 */
public record PointsQuery(XAxis axis, long from, long to, int maxPoints) {

    /** Default number of points. */
    public static final int DEFAULT_POINTS = 1000;
    /** Largest number of points. */
    public static final int MAX_POINTS = 10_000;

    /** Validates the range and size. */
    public PointsQuery {
        if (maxPoints < 1 || maxPoints > MAX_POINTS) {
            throw ToraException.invalidField("points", "must be between 1 and " + MAX_POINTS);
        }
        if (from > to) {
            throw ToraException.invalidField("from", "must not be greater than to");
        }
    }
}
