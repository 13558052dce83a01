package dev.tora.core.domain.metric;

/**
 * The running summary of one series, updated in the transaction of every write.
 *
 * @param name            metric name
 * @param count           number of points
 * @param firstStep       smallest step (null when empty)
 * @param lastStep        largest step (null when empty); a point without a step gets lastStep + 1
 * @param lastValue       value of the point that arrived last (null when empty; may be NaN)
 * @param min             smallest finite value (null when none)
 * @param max             largest finite value (null when none)
 * @param nonfiniteCount  how many values are NaN or infinite
 * @param lastTimestamp   timestamp of the point that arrived last (null when empty)
 */
public record SeriesSummary(String name, long count, Long firstStep, Long lastStep, Double lastValue,
                            Double min, Double max, long nonfiniteCount, Long lastTimestamp) {
}
