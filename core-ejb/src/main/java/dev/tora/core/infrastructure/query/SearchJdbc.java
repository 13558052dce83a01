package dev.tora.core.infrastructure.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs search statements on a JDBC connection (the container's, or a test's). */
public final class SearchJdbc {

    private SearchJdbc() {
    }

    /** The rows of a page, in order. */
    public static List<SortedRow> rows(Connection c, SearchStatement statement) throws SQLException {
        return read(c, statement, new long[1]);
    }

    /**
     * The rows of a counted page and the number of matches; the count comes with the rows, and
     * from {@code count} only when the page is empty (an offset past the end).
     */
    public static CountedPage counted(Connection c, SearchStatement statement, SqlFragment count) throws SQLException {
        if (!statement.counted()) {
            throw new IllegalArgumentException("the statement does not count");
        }
        long[] total = {-1};
        List<SortedRow> rows = read(c, statement, total);
        return new CountedPage(rows, total[0] >= 0 ? total[0] : count(c, count));
    }

    private static List<SortedRow> read(Connection c, SearchStatement statement, long[] total) throws SQLException {
        int columns = statement.columns().size();
        try (PreparedStatement ps = c.prepareStatement(statement.sql().sql())) {
            statement.sql().bind(ps);
            List<SortedRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (statement.counted()) {
                        total[0] = rs.getLong(columns + 2);
                    }
                    List<Object> position = new ArrayList<>(statement.columns().size());
                    for (int i = 0; i < statement.columns().size(); i++) {
                        position.add(statement.columns().get(i).type().read(rs, i + 2));
                    }
                    out.add(new SortedRow(rs.getString(1), position));
                }
            }
            return out;
        }
    }

    /** The single number a COUNT returns. */
    public static long count(Connection c, SqlFragment count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(count.sql())) {
            count.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as strings. */
    public static List<String> strings(Connection c, SqlFragment query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            query.bind(ps);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
