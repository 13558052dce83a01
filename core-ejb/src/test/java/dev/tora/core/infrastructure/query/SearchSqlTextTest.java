package dev.tora.core.infrastructure.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated SQL text per dialect. H2 runs it in the other tests of this package; PostgreSQL
 * runs it in the integration suite, and this pins its spelling: ILIKE, {@code 'NaN'::float8}, and
 * nothing H2-only.
 */
class SearchSqlTextTest {

    private static final String WS = "00000000-0000-0000-0000-000000000001";

    @Test
    void containsIsIlikeOnPostgresqlAndLowerLikeOnH2WithWildcardsEscaped() {
        String query = "name ~ \"A_b%!\"";
        SqlFragment pg = new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse(query));
        assertEquals("(e.name ILIKE ? ESCAPE '!')", pg.sql());
        assertEquals(List.of("%A!_b!%!!%"), pg.params());
        SqlFragment h2 = new FilterSql(DatabaseKind.H2, 0).where(QueryParser.parse(query));
        assertEquals("(LOWER(e.name) LIKE ? ESCAPE '!')", h2.sql());
        assertEquals(List.of("%a!_b!%!!%"), h2.params());
    }

    @Test
    void nanIsTheDialectsLiteralAndIsExcludedFromGreaterThan() {
        assertEquals("e.id IN (SELECT s.experiment_id FROM series s WHERE s.name = ? AND s.last_value > ? "
                        + "AND s.last_value <> 'NaN'::float8)",
                new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse("metrics.loss > 1")).sql());
        assertEquals("e.id IN (SELECT s.experiment_id FROM series s WHERE s.name = ? AND s.last_value = "
                        + "CAST('NaN' AS DOUBLE PRECISION))",
                new FilterSql(DatabaseKind.H2, 0).where(QueryParser.parse("metrics.loss = 'NaN'")).sql());
        assertEquals("e.id IN (SELECT s.experiment_id FROM series s WHERE s.name = ? AND s.min_value < ?)",
                new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse("metrics.loss.min < 1")).sql());
    }

    @Test
    void missingValuesNeverMakeAConditionNull() {
        assertEquals("NOT ((e.description IS NOT NULL AND e.description = ?))",
                new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse("NOT description = 'x'")).sql());
        assertEquals("(e.ended_at IS NOT NULL AND e.ended_at >= ?)",
                new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse("ended > 5")).sql());
        assertEquals("NOT e.id IN (SELECT t.experiment_id FROM experiment_tag t WHERE t.tag = ?)",
                new FilterSql(DatabaseKind.POSTGRESQL, 0).where(QueryParser.parse("tags != 'x'")).sql());
    }

    @Test
    void aPostgresqlPageSortedByAMetricAfterAKeysetPosition() {
        Selection selection = new Selection(List.of(WS), QueryParser.parse("params.lr < 0.1"), 7);
        SearchStatement page = new SearchSql(DatabaseKind.POSTGRESQL).page(selection,
                SortKey.parse("metrics.loss.last", "sort"), true, List.of(0L, 0.5, "id-x"), 0, 50, false);
        assertEquals("SELECT id, k0, k1, k2 FROM (SELECT e.id AS id, "
                + "CASE WHEN ss.last_value IS NULL THEN 2 WHEN ss.last_value = 'NaN'::float8 THEN 1 ELSE 0 END AS k0, "
                + "CASE WHEN ss.last_value IS NULL OR ss.last_value = 'NaN'::float8 THEN 0 ELSE ss.last_value END AS k1, "
                + "e.id AS k2 FROM experiment e LEFT JOIN series ss ON ss.experiment_id = e.id AND ss.name = ? "
                + "WHERE e.workspace_id IN (?) AND e.id IN (SELECT p.experiment_id FROM experiment_param p "
                + "WHERE p.param_key = ? AND p.value_type IN ('int', 'float') AND p.number_value < ?)) k "
                + "WHERE (k0 > ? OR (k0 = ? AND (k1 < ? OR (k1 = ? AND (k2 < ?))))) "
                + "ORDER BY k0 ASC, k1 DESC, k2 DESC LIMIT ?", page.sql().sql());
        assertEquals(List.of("loss", WS, "lr", 0.1, 0L, 0L, 0.5, 0.5, "id-x", 50L), page.sql().params());
    }

    @Test
    void aPostgresqlPageByDurationWithAnOffsetBindsNowOnceAndCountsInTheSameStatement() {
        Selection selection = new Selection(List.of(WS, "w2"), null, 12345);
        SearchStatement page = new SearchSql(DatabaseKind.POSTGRESQL).page(selection, SortKey.parse("duration", "sort"),
                false, null, 100, 50, true);
        assertEquals("SELECT id, k0, k1, COUNT(*) OVER () FROM (SELECT e.id AS id, COALESCE(e.ended_at, ?) - e.created_at AS k0, "
                + "e.id AS k1 FROM experiment e WHERE e.workspace_id IN (?, ?)) k ORDER BY k0 ASC, k1 ASC "
                + "LIMIT ? OFFSET ?", page.sql().sql());
        assertEquals(List.of(12345L, WS, "w2", 50L, 100L), page.sql().params());
    }

    @Test
    void noDialectSpecificSpellingLeaksIntoTheOtherDialect() {
        String query = "name ~ 'a' AND tags ~ 'b' AND params.x ~ 'c' AND metrics.m != 1 AND metrics.m = 'NaN'";
        String pg = new SearchSql(DatabaseKind.POSTGRESQL).page(new Selection(List.of(WS), QueryParser.parse(query), 0),
                SortKey.parse("metrics.m", "sort"), false, null, 0, 10, true).sql().sql();
        String h2 = new SearchSql(DatabaseKind.H2).page(new Selection(List.of(WS), QueryParser.parse(query), 0),
                SortKey.parse("metrics.m", "sort"), false, null, 0, 10, true).sql().sql();
        assertFalse(pg.contains("CAST('NaN'") || pg.contains("LOWER("), pg);
        assertTrue(pg.contains("ILIKE") && pg.contains("'NaN'::float8"), pg);
        assertFalse(h2.contains("ILIKE") || h2.contains("::"), h2);
    }
}
