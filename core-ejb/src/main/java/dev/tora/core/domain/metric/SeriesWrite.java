package dev.tora.core.domain.metric;

import java.util.Map;

/**
 * Points for one series from one batch, in arrival order. A step of {@link #AUTO_STEP} means
 * "the series' last step + 1"; a timestamp of {@link #AUTO_TIME} means "the server's clock".
 *
 * @param metadata point index in {@code points} to metadata JSON text, for the few points that have it
 */
public record SeriesWrite(String name, PointColumns points, Map<Integer, String> metadata) {

    /** Marks a step the server assigns. */
    public static final long AUTO_STEP = -1;

    /** Marks a timestamp the server assigns. */
    public static final long AUTO_TIME = Long.MIN_VALUE;
}
