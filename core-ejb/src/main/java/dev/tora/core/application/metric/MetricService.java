package dev.tora.core.application.metric;

import dev.tora.core.application.live.MetricsAppended;
import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.Downsampler;
import dev.tora.core.domain.metric.MetricRules;
import dev.tora.core.domain.metric.MetricStore;
import dev.tora.core.domain.metric.PointColumns;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.core.domain.metric.SeriesWrite;
import dev.tora.core.domain.workspace.Permission;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing points and reading series for charts. One batch is one transaction. */
@Stateless
public class MetricService {

    /** Keeps legacy msg_ids apart from batch ids in the idempotency table. */
    static final String LEGACY_ID_PREFIX = "msg:";

    /** Most experiments in one comparison query. */
    public static final int MAX_COMPARED = 100;

    @Inject
    private AccessGuard access;

    @Inject
    private MetricStore store;

    @Inject
    private Event<MetricsAppended> appended;

    @Inject
    private Clock clock;

    /**
     * Writes a batch. A batch id already written for this experiment is acknowledged without
     * writing again, so clients can retry safely.
     */
    public IngestResult ingest(Caller caller, String experimentId, IncomingBatch batch) {
        access.checkExperiment(caller, experimentId, Permission.WRITE);
        long now = clock.millis();
        if (batch.batchId() != null && !store.claimBatch(experimentId, batch.batchId(), now)) {
            return new IngestResult(0, true);
        }
        write(experimentId, batch.series(), now);
        return new IngestResult(batch.points(), false);
    }

    /**
     * Writes entries of the original SDK's format; each msg_id is written once (ids live in their
     * own namespace, apart from batch ids).
     */
    public IngestResult ingestLegacy(Caller caller, String experimentId, List<LegacyLog> logs) {
        access.checkExperiment(caller, experimentId, Permission.WRITE);
        long now = clock.millis();
        Map<String, SeriesWrite> bySeries = new LinkedHashMap<>();
        int accepted = 0;
        for (LegacyLog log : logs) {
            if (log.msgId() != null && !store.claimBatch(experimentId, LEGACY_ID_PREFIX + log.msgId(), now)) {
                continue;
            }
            SeriesWrite w = bySeries.computeIfAbsent(log.name(),
                    n -> new SeriesWrite(n, new PointColumns(16), new LinkedHashMap<>()));
            if (log.metadataJson() != null) {
                w.metadata().put(w.points().size(), log.metadataJson());
            }
            w.points().add(log.step(), log.value(), SeriesWrite.AUTO_TIME);
            accepted++;
        }
        write(experimentId, new ArrayList<>(bySeries.values()), now);
        return new IngestResult(accepted, accepted == 0 && !logs.isEmpty());
    }

    /** The experiment's series with their summaries. */
    public List<SeriesSummary> series(Caller caller, String experimentId) {
        access.checkExperiment(caller, experimentId, Permission.READ);
        return store.summaries(experimentId);
    }

    /** One series for a chart, raw or downsampled to at most {@code query.maxPoints()} buckets. */
    public SeriesPage points(Caller caller, String experimentId, String name, PointsQuery query) {
        access.checkExperiment(caller, experimentId, Permission.READ);
        MetricRules.name(name, "name");
        MetricStore.StoredSeries series = store.find(experimentId, name)
                .orElseThrow(() -> ToraException.notFound("metric", name));
        return new SeriesPage(experimentId, name, Downsampler.query(store.source(series.id()), query.axis(),
                query.from(), query.to(), query.maxPoints()));
    }

    /** The same series of several experiments; an experiment without it has null points. */
    public List<SeriesPage> points(Caller caller, List<String> experimentIds, String name, PointsQuery query) {
        if (experimentIds.isEmpty() || experimentIds.size() > MAX_COMPARED) {
            throw ToraException.invalidField("experiments", "must list 1 to " + MAX_COMPARED + " experiment ids");
        }
        MetricRules.name(name, "name");
        List<SeriesPage> out = new ArrayList<>(experimentIds.size());
        for (String id : experimentIds) {
            access.checkExperiment(caller, id, Permission.READ);
            out.add(store.find(id, name)
                    .map(s -> new SeriesPage(id, name, Downsampler.query(store.source(s.id()), query.axis(),
                            query.from(), query.to(), query.maxPoints())))
                    .orElse(new SeriesPage(id, name, null)));
        }
        return out;
    }

    private void write(String experimentId, List<SeriesWrite> writes, long now) {
        if (writes.isEmpty()) {
            return;
        }
        for (SeriesWrite w : writes) {
            long[] ts = w.points().timestampArray();
            for (int i = 0; i < w.points().size(); i++) {
                if (ts[i] == SeriesWrite.AUTO_TIME) {
                    ts[i] = now;
                }
            }
        }
        List<SeriesSummary> summaries = store.append(experimentId, writes);
        List<MetricsAppended.SeriesTick> ticks = summaries.stream()
                .map(s -> new MetricsAppended.SeriesTick(s.name(), s.lastStep(), s.count())).toList();
        appended.fire(new MetricsAppended(experimentId, ticks));
    }
}
