package dev.tora.plugins.spi;

import java.io.IOException;

/** Receives points one at a time, without boxing. */
@FunctionalInterface
public interface PointConsumer {

    /**
     * One point.
     *
     * @param step          the step
     * @param value         the value, possibly NaN or infinite
     * @param timestampMs   milliseconds since the epoch
     * @param metadataJson  the point's metadata object as JSON text, or null
     */
    void accept(long step, double value, long timestampMs, String metadataJson) throws IOException;
}
