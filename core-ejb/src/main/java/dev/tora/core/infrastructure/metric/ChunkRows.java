package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.ChunkHeader;
import dev.tora.core.domain.metric.PointColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes rows of the chunk table. */
final class ChunkRows {

    private ChunkRows() {
    }

    /** Headers of chunks {@code [fromSeq, toSeq)}. */
    static List<ChunkHeader> headers(Connection c, long seriesId, int fromSeq, int toSeq) throws SQLException {
        List<ChunkHeader> out = new ArrayList<>(Math.max(0, toSeq - fromSeq));
        try (PreparedStatement ps = c.prepareStatement(MetricSql.CHUNK_HEADERS)) {
            ps.setLong(1, seriesId);
            ps.setInt(2, fromSeq);
            ps.setInt(3, toSeq);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double min = SeriesRow.nullableDouble(rs, 7);
                    Double max = SeriesRow.nullableDouble(rs, 8);
                    out.add(new ChunkHeader(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), min == null ? Double.NaN : min, max == null ? Double.NaN : max,
                            rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getInt(12)));
                }
            }
        }
        return out;
    }

    /** Decoded points of chunks with seq in {@code [fromSeq, toSeq]}, handed over in seq order. */
    static void forEachData(Connection c, long seriesId, int fromSeq, int toSeq, DataConsumer consumer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MetricSql.CHUNK_DATA)) {
            ps.setLong(1, seriesId);
            ps.setInt(2, fromSeq);
            ps.setInt(3, toSeq);
            ps.setFetchSize(64);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getInt(1), ChunkCodec.decode(rs.getBytes(2)));
                }
            }
        }
    }

    /** Inserts sealed chunks {@code [from, from + size)} of {@code points} in pieces of {@code size}. */
    static void insert(PreparedStatement ps, long seriesId, int seq, PointColumns points, int from, int to)
            throws SQLException {
        ChunkHeader h = ChunkHeader.of(seq, points, from, to);
        ps.setLong(1, seriesId);
        ps.setInt(2, seq);
        ps.setInt(3, h.count());
        ps.setLong(4, h.minStep());
        ps.setLong(5, h.maxStep());
        ps.setLong(6, h.minTime());
        ps.setLong(7, h.maxTime());
        setNullableDouble(ps, 8, h.minValue());
        setNullableDouble(ps, 9, h.maxValue());
        ps.setDouble(10, h.sum());
        ps.setDouble(11, h.first());
        ps.setDouble(12, h.last());
        ps.setInt(13, h.nonfinite());
        ps.setBytes(14, ChunkCodec.encode(points, from, to));
        ps.addBatch();
    }

    private static void setNullableDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    /** Receives decoded chunks. */
    @FunctionalInterface
    interface DataConsumer {
        /** One chunk. */
        void accept(int seq, PointColumns points) throws SQLException;
    }
}
