package dev.tora.bench;

import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import dev.tora.core.infrastructure.persistence.DatabaseTarget;
import dev.tora.core.infrastructure.query.CountedPage;
import dev.tora.core.infrastructure.query.SearchJdbc;
import dev.tora.core.infrastructure.query.SearchSql;
import dev.tora.core.infrastructure.query.SearchStatement;
import dev.tora.core.infrastructure.query.Selection;
import dev.tora.core.infrastructure.query.SqlFragment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The dashboard's own statements (ExperimentSearchService: a page by offset and the count) run
 * in-process on a database the API bench seeded: an embedded H2 copy or the PostgreSQL cluster.
 * Embedded H2 runs on the calling thread, so its thread CPU time is printed too: on a shared
 * machine that is the figure other work does not inflate.
 */
final class SearchSqlBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SearchSqlBench() {
    }

    /** Times page + count for a few sorts and queries in {@code workspace}, {@code rounds} times each. */
    static void run(DatabaseTarget target, String workspace, int rounds) throws SQLException {
        SearchSql sql = new SearchSql(target.kind());
        try (Connection c = target.createDataSource().getConnection()) {
            time(c, sql, workspace, "metrics.loss.last", null, 0, rounds);
            time(c, sql, workspace, "metrics.loss.last", null, 5000, rounds);
            time(c, sql, workspace, "params.lr", null, 0, rounds);
            time(c, sql, workspace, "created", null, 0, rounds);
            time(c, sql, workspace, "metrics.loss.last", "metrics.acc > 0.5 AND params.lr < 0.004 OR tags = \"lr-3\"",
                    0, rounds);
            columns(c, sql, workspace, rounds);
        }
    }

    private static void time(Connection c, SearchSql sql, String workspace, String sort, String query, int offset,
                             int rounds) throws SQLException {
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = -5; i < rounds; i++) {
            touch(c, workspace);
            Selection selection = new Selection(List.of(workspace), QueryParser.parse(query), System.currentTimeMillis());
            SearchStatement page = sql.page(selection, SortKey.parse(sort, "sort"), false, null, offset, 50, true);
            SqlFragment count = sql.count(selection);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CountedPage counted = SearchJdbc.counted(c, page, count);
            int rows = counted.rows().size();
            long total = counted.total();
            if (rows != 50 || total < 50) {
                throw new IllegalStateException("expected a full page, got " + rows + " of " + total);
            }
            if (i >= 0) {
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            }
        }
        String what = "dashboard page with its total, sort " + sort + (offset > 0 ? ", offset " + offset : "")
                + (query == null ? "" : ", query");
        System.out.println("RESULT " + Stats.summary(what + ", wall", wall));
        System.out.println("RESULT " + Stats.summary(what + ", database thread CPU (H2: all of it)", cpu));
    }

    private static void columns(Connection c, SearchSql sql, String workspace, int rounds) throws SQLException {
        double[] wall = new double[rounds];
        for (int i = -3; i < rounds; i++) {
            touch(c, workspace);
            long t0 = System.nanoTime();
            int n = SearchJdbc.strings(c, sql.paramKeys(workspace, 1000)).size()
                    + SearchJdbc.strings(c, sql.metricNames(workspace, 1000)).size();
            if (n == 0) {
                throw new IllegalStateException("no columns");
            }
            if (i >= 0) {
                wall[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.println("RESULT " + Stats.summary("dashboard column choices (param keys + metric names), wall", wall));
    }

    /** A write between rounds, as ingest does all the time, so that H2 cannot answer from its result cache. */
    private static void touch(Connection c, String workspace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE experiment SET updated_at = updated_at WHERE workspace_id = ? AND name = 'run 0'")) {
            ps.setString(1, workspace);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE series SET point_count = point_count WHERE id = "
                + "(SELECT MIN(id) FROM series)")) {
            ps.executeUpdate();
        }
    }

    /** The database of a data dir's embedded H2 (a copy, opened while no server holds it) or of a JDBC URL. */
    static DatabaseTarget target(String where, String user, String password) {
        return where.startsWith("jdbc:") ? new DatabaseTarget(DatabaseKind.ofUrl(where), where, user, password)
                : DatabaseTarget.embedded(where);
    }
}
