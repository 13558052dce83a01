package dev.tora.core.domain.metric;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of metric series and their points. Every method runs in the caller's transaction;
 * access checks happen before, in the services.
 */
public interface MetricStore {

    /** Records that {@code batchId} was written for the experiment; false when it already was. */
    boolean claimBatch(String experimentId, String batchId, long now);

    /**
     * Appends points to their series (creating series as needed) and returns the new summary of
     * every series touched, in the order of {@code writes}.
     */
    List<SeriesSummary> append(String experimentId, List<SeriesWrite> writes);

    /** Summaries of the experiment's series, by name. */
    List<SeriesSummary> summaries(String experimentId);

    /** Summaries of several experiments' series. */
    Map<String, List<SeriesSummary>> summaries(Collection<String> experimentIds);

    /** Every stored series of the experiment, by name. */
    List<StoredSeries> list(String experimentId);

    /** The stored series of that name. */
    Optional<StoredSeries> find(String experimentId, String name);

    /** Where the downsampler reads a series from. */
    ChunkSource source(long seriesId);

    /** Every point of the series in arrival order, a chunk at a time. */
    void forEachPoint(long seriesId, PointVisitor visitor);

    /** A stored series: its id and summary. */
    record StoredSeries(long id, SeriesSummary summary) {
    }

    /** Receives points of an export. */
    @FunctionalInterface
    interface PointVisitor {
        /** One point; {@code metadataJson} is null when the point has none. */
        void accept(long step, double value, long timestamp, String metadataJson);
    }
}
