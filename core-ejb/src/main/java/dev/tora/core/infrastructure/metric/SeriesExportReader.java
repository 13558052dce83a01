package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.MetricStore.PointVisitor;
import dev.tora.core.domain.metric.PointColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Streams every point of a series in arrival order, {@link #CHUNKS_PER_READ} chunks at a time,
 * so memory stays constant however long the series is. Reads the sealed chunks that existed in
 * the row snapshot, then the snapshot's tail: a consistent view even while a run still logs.
 */
final class SeriesExportReader {

    static final int CHUNKS_PER_READ = 32;

    private final DataSource dataSource;
    private final SeriesRow row;

    SeriesExportReader(DataSource dataSource, SeriesRow row) {
        this.dataSource = dataSource;
        this.row = row;
    }

    void forEachPoint(PointVisitor visitor) {
        try (Connection c = dataSource.getConnection()) {
            long ordinal = 0;
            for (int from = 0; from < row.chunkCount(); from += CHUNKS_PER_READ) {
                int to = Math.min(row.chunkCount(), from + CHUNKS_PER_READ) - 1;
                long[] next = {ordinal};
                Map<Long, String> metadata = metadata(c, ordinal, ordinal + (long) (to - from + 1) * JdbcMetricStore.CHUNK_SIZE);
                ChunkRows.forEachData(c, row.id(), from, to, (seq, points) -> next[0] = emit(points, next[0], metadata, visitor));
                ordinal = next[0];
            }
            if (row.tail() != null && row.tailCount() > 0) {
                PointColumns tail = ChunkCodec.decode(row.tail());
                emit(tail, ordinal, metadata(c, ordinal, ordinal + tail.size()), visitor);
            }
        } catch (SQLException e) {
            throw new MetricStoreException("cannot read points of series " + row.id(), e);
        }
    }

    private static long emit(PointColumns points, long ordinal, Map<Long, String> metadata, PointVisitor visitor) {
        for (int i = 0; i < points.size(); i++) {
            String m = metadata.isEmpty() ? null : metadata.get(ordinal + i);
            visitor.accept(points.step(i), points.value(i), points.timestamp(i), m);
        }
        return ordinal + points.size();
    }

    private Map<Long, String> metadata(Connection c, long from, long to) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(MetricSql.METADATA_RANGE)) {
            ps.setLong(1, row.id());
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
