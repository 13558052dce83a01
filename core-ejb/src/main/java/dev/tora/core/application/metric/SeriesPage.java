package dev.tora.core.application.metric;

import dev.tora.core.domain.metric.SeriesPoints;

/** The points of one experiment's series for a chart; {@code points} is null when the series does not exist. */
public record SeriesPage(String experimentId, String name, SeriesPoints points) {
}
