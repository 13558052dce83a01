package dev.tora.plugins.spi;

import java.io.IOException;

/** Read-only view of one metric series. */
public interface SeriesView {

    /** Metric name. */
    String name();

    /** Number of points. */
    long count();

    /**
     * Hands every point to {@code consumer} in arrival order, reading from storage a chunk at a
     * time so memory stays constant whatever the series' length.
     */
    void forEachPoint(PointConsumer consumer) throws IOException;
}
