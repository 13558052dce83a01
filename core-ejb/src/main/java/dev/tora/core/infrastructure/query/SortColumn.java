package dev.tora.core.infrastructure.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One ORDER BY term of a sort, never NULL, so that keyset positions compare with plain = and <.
 *
 * @param sql        the expression, possibly with placeholders
 * @param sqlParams  values of those placeholders
 * @param type       what it reads as
 * @param ascending  true: always ascending (the rank that puts missing values last); false: follows
 *                   the requested direction
 */
public record SortColumn(String sql, List<Object> sqlParams, Type type, boolean ascending) {

    /** A column; the values are copied. */
    public SortColumn {
        sqlParams = List.copyOf(sqlParams);
    }

    /** The Java types of sort values. */
    public enum Type {
        /** Long (integers, times, ranks). */
        LONG,
        /** Double. */
        DOUBLE,
        /** String. */
        TEXT;

        /** Reads column {@code index} of {@code rs} as this type. */
        Object read(ResultSet rs, int index) throws SQLException {
            return switch (this) {
                case LONG -> rs.getLong(index);
                case DOUBLE -> rs.getDouble(index);
                case TEXT -> rs.getString(index);
            };
        }
    }

    /** A column with fixed SQL and no placeholders. */
    static SortColumn of(String sql, Type type, boolean ascending) {
        return new SortColumn(sql, List.of(), type, ascending);
    }

    /** The expression as a fragment. */
    SqlFragment fragment() {
        return new SqlFragment(sql, sqlParams);
    }

    /** Whether it runs ascending when the caller asked for {@code descending}. */
    boolean ascendingWhen(boolean descending) {
        return ascending || !descending;
    }
}
