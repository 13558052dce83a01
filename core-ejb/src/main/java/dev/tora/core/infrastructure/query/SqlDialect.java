package dev.tora.core.infrastructure.query;

import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.util.Locale;

/** The few spellings that differ between H2 and PostgreSQL in generated search SQL. */
final class SqlDialect {

    private final DatabaseKind kind;

    SqlDialect(DatabaseKind kind) {
        this.kind = kind;
    }

    /** The literal NaN of DOUBLE PRECISION (both databases store and compare it, NaN = NaN being true). */
    String nan() {
        return kind == DatabaseKind.POSTGRESQL ? "'NaN'::float8" : "CAST('NaN' AS DOUBLE PRECISION)";
    }

    /** Appends a case-insensitive "contains {@code text}" test of {@code column}, wildcards in the text escaped. */
    void contains(SqlBuilder out, String column, String text) {
        boolean pg = kind == DatabaseKind.POSTGRESQL;
        // PostgreSQL folds case itself (ILIKE); H2 compares lower-cased text with a lower-cased pattern.
        String t = pg ? text : text.toLowerCase(Locale.ROOT);
        String pattern = "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        out.sql(pg ? column + " ILIKE " : "LOWER(" + column + ") LIKE ").bind(pattern).sql(" ESCAPE '!'");
    }
}
