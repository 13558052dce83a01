package dev.tora.core.infrastructure.query;

import java.util.ArrayList;
import java.util.List;

/** Appends SQL text and its bound values side by side, so placeholders and values never drift apart. */
final class SqlBuilder {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends fixed SQL text (never a value). */
    SqlBuilder sql(String text) {
        sql.append(text);
        return this;
    }

    /** Appends one placeholder bound to {@code value}. */
    SqlBuilder bind(Object value) {
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Appends a fragment with its values. */
    SqlBuilder add(SqlFragment fragment) {
        sql.append(fragment.sql());
        params.addAll(fragment.params());
        return this;
    }

    /** Appends {@code (?, ?, ...)} bound to {@code values}. */
    SqlBuilder list(List<?> values) {
        sql.append('(');
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            bind(values.get(i));
        }
        sql.append(')');
        return this;
    }

    /** What was built. */
    SqlFragment build() {
        return new SqlFragment(sql.toString(), params);
    }
}
