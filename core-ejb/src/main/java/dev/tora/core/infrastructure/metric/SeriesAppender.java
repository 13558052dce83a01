package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.PointColumns;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.core.domain.metric.SeriesWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/**
 * Appends one batch's points to their series inside the caller's transaction: locks the series
 * row, assigns missing steps, seals full chunks, keeps the rest as the tail and updates the
 * summary. Statements are batched and sent by {@link #flush()}.
 */
final class SeriesAppender {

    private final Connection connection;
    private final MetricSql sql;
    private final PreparedStatement insertChunk;
    private final PreparedStatement updateSeries;
    private final PreparedStatement insertMetadata;
    private boolean chunksPending;
    private boolean metadataPending;

    SeriesAppender(Connection connection, MetricSql sql) throws SQLException {
        this.connection = connection;
        this.sql = sql;
        this.insertChunk = connection.prepareStatement(MetricSql.INSERT_CHUNK);
        this.updateSeries = connection.prepareStatement(MetricSql.UPDATE_SERIES);
        this.insertMetadata = connection.prepareStatement(MetricSql.INSERT_METADATA);
    }

    /** Appends the write and returns the series' new summary. */
    SeriesSummary append(String experimentId, SeriesWrite write) throws SQLException {
        SeriesRow row = lock(experimentId, write.name());
        PointColumns points = write.points();
        assignSteps(points, row.summary().lastStep());
        SeriesSummary summary = SummaryUpdate.apply(row.summary(), points);

        PointColumns pending = points;
        if (row.tail() != null && row.tailCount() > 0) {
            pending = ChunkCodec.decode(row.tail());
            pending.addAll(points, 0, points.size());
        }
        int seq = row.chunkCount();
        int offset = 0;
        while (pending.size() - offset >= JdbcMetricStore.CHUNK_SIZE) {
            ChunkRows.insert(insertChunk, row.id(), seq++, pending, offset, offset + JdbcMetricStore.CHUNK_SIZE);
            offset += JdbcMetricStore.CHUNK_SIZE;
            chunksPending = true;
        }
        int tailCount = pending.size() - offset;
        byte[] tail = tailCount == 0 ? null : ChunkCodec.encode(pending, offset, pending.size());

        update(row.id(), summary, seq, tailCount, tail);
        long ordinalBase = row.summary().count();
        for (Map.Entry<Integer, String> m : write.metadata().entrySet()) {
            insertMetadata.setLong(1, row.id());
            insertMetadata.setLong(2, ordinalBase + m.getKey());
            insertMetadata.setString(3, m.getValue());
            insertMetadata.addBatch();
            metadataPending = true;
        }
        return summary;
    }

    /** Sends the batched statements and releases them. */
    void flush() throws SQLException {
        try {
            if (chunksPending) {
                insertChunk.executeBatch();
            }
            updateSeries.executeBatch();
            if (metadataPending) {
                insertMetadata.executeBatch();
            }
        } finally {
            insertChunk.close();
            updateSeries.close();
            insertMetadata.close();
        }
    }

    /** A missing step is the series' largest step so far + 1 (0 for a new series), in arrival order. */
    static void assignSteps(PointColumns points, Long lastStep) {
        long[] steps = points.stepArray();
        long last = lastStep == null ? -1 : lastStep;
        for (int i = 0; i < points.size(); i++) {
            if (steps[i] == SeriesWrite.AUTO_STEP) {
                steps[i] = last + 1;
            }
            last = Math.max(last, steps[i]);
        }
    }

    private SeriesRow lock(String experimentId, String name) throws SQLException {
        SeriesRow row = selectForUpdate(experimentId, name);
        if (row != null) {
            return row;
        }
        // A new series, created once when two batches both bring its first point: on H2 creations
        // for one experiment queue on its row; on PostgreSQL ON CONFLICT waits for the other insert.
        if (sql.lockExperimentToCreate) {
            try (PreparedStatement ps = connection.prepareStatement(MetricSql.LOCK_EXPERIMENT)) {
                ps.setString(1, experimentId);
                ps.executeQuery().close();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.createSeries)) {
            ps.setString(1, experimentId);
            ps.setString(2, name);
            if (sql.claimRepeatsKey) {
                ps.setString(3, experimentId);
                ps.setString(4, name);
            }
            ps.executeUpdate();
        }
        row = selectForUpdate(experimentId, name);
        if (row == null) {
            throw new SQLException("series " + name + " vanished while being created");
        }
        return row;
    }

    private SeriesRow selectForUpdate(String experimentId, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(MetricSql.LOCK_SERIES)) {
            ps.setString(1, experimentId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? SeriesRow.read(rs, 1, true) : null;
            }
        }
    }

    private void update(long id, SeriesSummary s, int chunkCount, int tailCount, byte[] tail) throws SQLException {
        PreparedStatement ps = updateSeries;
        ps.setLong(1, s.count());
        setLong(ps, 2, s.firstStep());
        setLong(ps, 3, s.lastStep());
        setDouble(ps, 4, s.lastValue());
        setDouble(ps, 5, s.min());
        setDouble(ps, 6, s.max());
        ps.setLong(7, s.nonfiniteCount());
        setLong(ps, 8, s.lastTimestamp());
        ps.setInt(9, chunkCount);
        ps.setInt(10, tailCount);
        if (tail == null) {
            ps.setNull(11, Types.VARBINARY);
        } else {
            ps.setBytes(11, tail);
        }
        ps.setLong(12, id);
        ps.addBatch();
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
