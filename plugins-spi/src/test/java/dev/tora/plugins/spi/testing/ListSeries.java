package dev.tora.plugins.spi.testing;

import dev.tora.plugins.spi.PointConsumer;
import dev.tora.plugins.spi.SeriesView;
import java.io.IOException;
import java.util.List;

/** A series held in a list, for small tests. */
public record ListSeries(String name, List<Point> points) implements SeriesView {

    /** One point. */
    public record Point(long step, double value, long timestampMs, String metadataJson) {
    }

    @Override
    public long count() {
        return points.size();
    }

    @Override
    public void forEachPoint(PointConsumer consumer) throws IOException {
        for (Point p : points) {
            consumer.accept(p.step(), p.value(), p.timestampMs(), p.metadataJson());
        }
    }
}
