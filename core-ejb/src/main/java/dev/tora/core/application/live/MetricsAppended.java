package dev.tora.core.application.live;

import java.util.List;

/** Fired when a batch of points is written; delivered to live subscribers after commit. */
public record MetricsAppended(String experimentId, List<SeriesTick> series) {

    /** The new position of one series. */
    public record SeriesTick(String name, Long lastStep, long count) {
    }
}
