package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.SeriesSummary;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the series table: the summary, the count of sealed chunks and the encoded tail. */
record SeriesRow(long id, SeriesSummary summary, int chunkCount, int tailCount, byte[] tail) {

    /** Reads the columns of {@link MetricSql#SERIES_COLUMNS} (and the tail when {@code withTail}). */
    static SeriesRow read(ResultSet rs, int offset, boolean withTail) throws SQLException {
        long id = rs.getLong(offset);
        SeriesSummary summary = new SeriesSummary(
                rs.getString(offset + 1),
                rs.getLong(offset + 2),
                nullableLong(rs, offset + 3),
                nullableLong(rs, offset + 4),
                nullableDouble(rs, offset + 5),
                nullableDouble(rs, offset + 6),
                nullableDouble(rs, offset + 7),
                rs.getLong(offset + 8),
                nullableLong(rs, offset + 9));
        int chunks = rs.getInt(offset + 10);
        int tailCount = rs.getInt(offset + 11);
        byte[] tail = withTail ? rs.getBytes(offset + 12) : null;
        return new SeriesRow(id, summary, chunks, tailCount, tail);
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
