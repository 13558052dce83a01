package dev.tora.core.infrastructure.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQL text with {@code ?} placeholders and the values they bind, in order (String, Long or Double). */
public record SqlFragment(String sql, List<Object> params) {

    /** A fragment; the list is copied. */
    public SqlFragment {
        params = List.copyOf(params);
    }

    /** Binds the values from placeholder 1 on. */
    public void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
