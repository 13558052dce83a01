package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.ChunkSource;
import dev.tora.core.domain.metric.MetricStore;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.core.domain.metric.SeriesWrite;
import dev.tora.core.infrastructure.persistence.ToraDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The metric store on plain JDBC, in the caller's JTA transaction: a series row with the running
 * summary and the unsealed tail, sealed columnar chunks of {@link #CHUNK_SIZE} points, and the
 * rare point metadata aside.
 */
@ApplicationScoped
public class JdbcMetricStore implements MetricStore {

    /** Points per sealed chunk. */
    public static final int CHUNK_SIZE = 1000;

    @Inject
    private ToraDatabase database;

    @Inject
    private ChunkHeaderCache headerCache;

    private MetricSql sql;

    @PostConstruct
    void init() {
        sql = new MetricSql(database.kind());
    }

    private DataSource ds() {
        return database.dataSource();
    }

    @Override
    public boolean claimBatch(String experimentId, String batchId, long now) {
        try (Connection c = ds().getConnection(); PreparedStatement ps = c.prepareStatement(sql.claimBatch)) {
            ps.setString(1, experimentId);
            ps.setString(2, batchId);
            ps.setLong(3, now);
            if (sql.claimRepeatsKey) {
                ps.setString(4, experimentId);
                ps.setString(5, batchId);
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // H2: a concurrent request inserted the same id first and committed; a repeat.
                return false;
            }
            throw new MetricStoreException("cannot record batch id", e);
        }
    }

    @Override
    public List<SeriesSummary> append(String experimentId, List<SeriesWrite> writes) {
        Map<String, SeriesSummary> byName = new LinkedHashMap<>();
        writes.forEach(w -> byName.put(w.name(), null));
        // Lock series in name order so two batches touching the same series never deadlock.
        List<SeriesWrite> ordered = new ArrayList<>(writes);
        ordered.sort(Comparator.comparing(SeriesWrite::name));
        try (Connection c = ds().getConnection()) {
            SeriesAppender appender = new SeriesAppender(c, sql);
            for (SeriesWrite w : ordered) {
                byName.put(w.name(), appender.append(experimentId, w));
            }
            appender.flush();
        } catch (SQLException e) {
            throw new MetricStoreException("cannot write points", e);
        }
        return new ArrayList<>(byName.values());
    }

    @Override
    public List<SeriesSummary> summaries(String experimentId) {
        return summaries(List.of(experimentId)).getOrDefault(experimentId, List.of());
    }

    @Override
    public Map<String, List<SeriesSummary>> summaries(Collection<String> experimentIds) {
        Map<String, List<SeriesSummary>> out = new LinkedHashMap<>();
        if (experimentIds.isEmpty()) {
            return out;
        }
        List<String> ids = new ArrayList<>(experimentIds);
        try (Connection c = ds().getConnection()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
                String q = "SELECT experiment_id, " + MetricSql.SERIES_COLUMNS + " FROM series WHERE experiment_id IN ("
                        + "?,".repeat(part.size() - 1) + "?) ORDER BY experiment_id, name";
                try (PreparedStatement ps = c.prepareStatement(q)) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(SeriesRow.read(rs, 2, false).summary());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read series summaries", e);
        }
        return out;
    }

    @Override
    public List<StoredSeries> list(String experimentId) {
        List<StoredSeries> out = new ArrayList<>();
        try (Connection c = ds().getConnection(); PreparedStatement ps = c.prepareStatement(MetricSql.SUMMARIES)) {
            ps.setString(1, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesRow row = SeriesRow.read(rs, 2, false);
                    out.add(new StoredSeries(row.id(), row.summary()));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot list series", e);
        }
        return out;
    }

    @Override
    public Optional<StoredSeries> find(String experimentId, String name) {
        return findRow(experimentId, name).map(r -> new StoredSeries(r.id(), r.summary()));
    }

    @Override
    public ChunkSource source(long seriesId) {
        return new JdbcChunkSource(ds(), headerCache, rowById(seriesId));
    }

    @Override
    public void forEachPoint(long seriesId, PointVisitor visitor) {
        new SeriesExportReader(ds(), rowById(seriesId)).forEachPoint(visitor);
    }

    private Optional<SeriesRow> findRow(String experimentId, String name) {
        try (Connection c = ds().getConnection(); PreparedStatement ps = c.prepareStatement(MetricSql.FIND_SERIES)) {
            ps.setString(1, experimentId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SeriesRow.read(rs, 1, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read series", e);
        }
    }

    private SeriesRow rowById(long seriesId) {
        try (Connection c = ds().getConnection(); PreparedStatement ps = c.prepareStatement(MetricSql.SERIES_BY_ID)) {
            ps.setLong(1, seriesId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new MetricStoreException("series " + seriesId + " no longer exists", null);
                }
                return SeriesRow.read(rs, 1, true);
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read series", e);
        }
    }
}
