package dev.tora.core.application.export;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.domain.metric.MetricStore;
import dev.tora.plugins.spi.ExperimentView;
import dev.tora.plugins.spi.PointConsumer;
import dev.tora.plugins.spi.SeriesView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read-only view of an experiment handed to exporter plugins. */
public final class ExperimentSnapshot implements ExperimentView {

    private final ExperimentDetails e;
    private final List<SeriesView> series;

    ExperimentSnapshot(ExperimentDetails e, List<MetricStore.StoredSeries> stored, MetricStore store) {
        this.e = e;
        this.series = stored.stream().map(s -> (SeriesView) new StoredSeriesView(s, store)).toList();
    }

    @Override
    public String id() {
        return e.id();
    }

    @Override
    public String workspaceId() {
        return e.workspaceId();
    }

    @Override
    public String name() {
        return e.name();
    }

    @Override
    public String description() {
        return e.description() == null ? "" : e.description();
    }

    @Override
    public List<String> tags() {
        return e.tags();
    }

    @Override
    public Map<String, Object> hyperparams() {
        return e.hyperparams();
    }

    @Override
    public String metadataJson() {
        return e.metadata().toString();
    }

    @Override
    public String status() {
        return e.status().id();
    }

    @Override
    public String visibility() {
        return e.visibility().id();
    }

    @Override
    public Instant createdAt() {
        return Instant.ofEpochMilli(e.createdAt());
    }

    @Override
    public Instant updatedAt() {
        return Instant.ofEpochMilli(e.updatedAt());
    }

    @Override
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(e.endedAt()).map(Instant::ofEpochMilli);
    }

    @Override
    public List<String> references() {
        return e.references();
    }

    @Override
    public List<SeriesView> series() {
        return series;
    }

    /** One stored series, read a chunk at a time when the exporter asks. */
    private record StoredSeriesView(MetricStore.StoredSeries stored, MetricStore store) implements SeriesView {

        @Override
        public String name() {
            return stored.summary().name();
        }

        @Override
        public long count() {
            return stored.summary().count();
        }

        @Override
        public void forEachPoint(PointConsumer consumer) throws IOException {
            try {
                store.forEachPoint(stored.id(), (step, value, timestamp, metadata) -> {
                    try {
                        consumer.accept(step, value, timestamp, metadata);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
