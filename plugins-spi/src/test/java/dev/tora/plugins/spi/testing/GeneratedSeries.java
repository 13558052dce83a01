package dev.tora.plugins.spi.testing;

import dev.tora.plugins.spi.PointConsumer;
import dev.tora.plugins.spi.SeriesView;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * A series whose points are made up as they are handed over, never stored. It records how many
 * points the exporter took and how far the lines that reached the output lagged behind them.
 */
public final class GeneratedSeries implements SeriesView {

    private final String name;
    private final long count;
    private final LongSupplier linesWritten;
    private int passes;
    private long handedOver;
    private long maxLag;

    /** {@code count} points; {@code linesWritten} reports lines that reached the output. */
    public GeneratedSeries(String name, long count, LongSupplier linesWritten) {
        this.name = name;
        this.count = count;
        this.linesWritten = linesWritten;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void forEachPoint(PointConsumer consumer) throws IOException {
        passes++;
        long linesBefore = linesWritten.getAsLong();
        for (long i = 0; i < count; i++) {
            maxLag = Math.max(maxLag, handedOver - (linesWritten.getAsLong() - linesBefore));
            consumer.accept(i, i * 0.25, 1_700_000_000_000L + i, null);
            handedOver++;
        }
    }

    /** How many times the exporter asked for the points. */
    public int passes() {
        return passes;
    }

    /** Points handed to the exporter. */
    public long handedOver() {
        return handedOver;
    }

    /** The most points handed over but not yet written as lines, seen at any point. */
    public long maxLag() {
        return maxLag;
    }
}
