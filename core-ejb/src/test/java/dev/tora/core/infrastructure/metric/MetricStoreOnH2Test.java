package dev.tora.core.infrastructure.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.metric.Downsampler;
import dev.tora.core.domain.metric.PointColumns;
import dev.tora.core.domain.metric.SeriesPoints;
import dev.tora.core.domain.metric.SeriesSummary;
import dev.tora.core.domain.metric.SeriesWrite;
import dev.tora.core.domain.metric.XAxis;
import dev.tora.core.infrastructure.persistence.DatabaseKind;
import dev.tora.core.infrastructure.persistence.DatabaseMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC metric store on a real (in-memory) H2 with the real migrations, outside the container. */
class MetricStoreOnH2Test {

    private JdbcDataSource ds;
    private final MetricSql sql = new MetricSql(DatabaseKind.H2);
    private String experiment;

    @BeforeEach
    void database() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DatabaseMigrations.migrate(ds, DatabaseKind.H2);
        experiment = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO experiment (id, workspace_id, name, status, visibility, created_at, updated_at) "
                        + "VALUES (?, '00000000-0000-0000-0000-000000000001', 'e', 'running', 'private', 0, 0)")) {
            ps.setString(1, experiment);
            ps.executeUpdate();
        }
    }

    @Test
    void batchesSealFullChunksAndKeepTheRestAsTheTail() throws SQLException {
        append("loss", 999, 0);
        assertEquals(List.of(0, 999), chunkAndTail("loss"));
        append("loss", 1, 999);
        assertEquals(List.of(1, 0), chunkAndTail("loss"));
        append("loss", 2500, 1000);
        assertEquals(List.of(3, 500), chunkAndTail("loss"));
        PointColumns all = readAll("loss");
        assertEquals(3500, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.step(i));
            assertEquals(value(i), all.value(i));
        }
    }

    @Test
    void missingStepsContinueFromTheLargestStepSoFar() throws SQLException {
        PointColumns p = new PointColumns(4);
        p.add(SeriesWrite.AUTO_STEP, 1, 10);
        p.add(100, 2, 10);
        p.add(SeriesWrite.AUTO_STEP, 3, 10);
        p.add(5, 4, 10);
        p.add(SeriesWrite.AUTO_STEP, 5, 10);
        write(new SeriesWrite("s", p, Map.of()));
        assertEquals(List.of(0L, 100L, 101L, 5L, 102L), steps(readAll("s")));
    }

    @Test
    void summaryCountsNonFiniteValuesAndKeepsMinMaxFinite() throws SQLException {
        PointColumns p = new PointColumns(4);
        p.add(0, Double.NaN, 1);
        p.add(1, 2.5, 2);
        p.add(2, Double.NEGATIVE_INFINITY, 3);
        p.add(3, -1.5, 4);
        SeriesSummary s = write(new SeriesWrite("s", p, Map.of())).get(0);
        assertEquals(4, s.count());
        assertEquals(2, s.nonfiniteCount());
        assertEquals(-1.5, s.min());
        assertEquals(2.5, s.max());
        assertEquals(-1.5, s.lastValue());
        assertEquals(4L, s.lastTimestamp());
        assertEquals(0L, s.firstStep());
        assertEquals(3L, s.lastStep());

        PointColumns onlyNan = new PointColumns(1);
        onlyNan.add(0, Double.NaN, 1);
        SeriesSummary n = write(new SeriesWrite("nan", onlyNan, Map.of())).get(0);
        assertNull(n.min());
        assertEquals(Double.NaN, n.lastValue());
    }

    @Test
    void pointMetadataFollowsItsPointThroughSealing() throws SQLException {
        append("m", 990, 0);
        PointColumns p = new PointColumns(20);
        for (int i = 0; i < 20; i++) {
            p.add(990 + i, value(990 + i), 1000);
        }
        write(new SeriesWrite("m", p, Map.of(5, "{\"note\":\"sealed\"}", 15, "{\"note\":\"tail\"}")));
        Map<Long, String> metadata = new HashMap<>();
        new SeriesExportReader(ds, row("m")).forEachPoint((step, v, t, m) -> {
            if (m != null) {
                metadata.put(step, m);
            }
        });
        assertEquals(Map.of(995L, "{\"note\":\"sealed\"}", 1005L, "{\"note\":\"tail\"}"), metadata);
    }

    @Test
    void downsamplingReadsTheStoredChunksAndTail() throws SQLException {
        append("d", 10_500, 0);
        JdbcChunkSource source = new JdbcChunkSource(ds, new ChunkHeaderCache(), row("d"));
        SeriesPoints.Buckets b = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.STEP, Long.MIN_VALUE,
                Long.MAX_VALUE, 10);
        long total = 0;
        for (long c : b.count()) {
            total += c;
        }
        assertEquals(10_500, total);
        SeriesPoints.Raw raw = (SeriesPoints.Raw) Downsampler.query(source, XAxis.STEP, 9_990, 10_010, 1000);
        assertEquals(21, raw.size());
        assertEquals(value(10_000), raw.values()[10]);
    }

    @Test
    void batchIdsAreClaimedOnce() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertEquals(1, claim(c, "b1"));
            assertEquals(0, claim(c, "b1"));
            assertEquals(1, claim(c, "b2"));
        }
    }

    private int claim(Connection c, String batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.claimBatch)) {
            ps.setString(1, experiment);
            ps.setString(2, batch);
            ps.setLong(3, 0);
            ps.setString(4, experiment);
            ps.setString(5, batch);
            return ps.executeUpdate();
        }
    }

    private static double value(int i) {
        return Math.sin(i) * 1000 + i;
    }

    private void append(String name, int n, int firstStep) throws SQLException {
        PointColumns p = new PointColumns(n);
        for (int i = 0; i < n; i++) {
            p.add(firstStep + i, value(firstStep + i), 1_700_000_000_000L + firstStep + i);
        }
        write(new SeriesWrite(name, p, Map.of()));
    }

    private List<SeriesSummary> write(SeriesWrite... writes) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            SeriesAppender appender = new SeriesAppender(c, sql);
            List<SeriesSummary> out = new ArrayList<>();
            for (SeriesWrite w : writes) {
                out.add(appender.append(experiment, w));
            }
            appender.flush();
            c.commit();
            return out;
        }
    }

    private SeriesRow row(String name) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(MetricSql.FIND_SERIES)) {
            ps.setString(1, experiment);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return SeriesRow.read(rs, 1, true);
            }
        }
    }

    private List<Integer> chunkAndTail(String name) throws SQLException {
        SeriesRow r = row(name);
        return List.of(r.chunkCount(), r.tailCount());
    }

    private PointColumns readAll(String name) throws SQLException {
        PointColumns all = new PointColumns(1024);
        new SeriesExportReader(ds, row(name)).forEachPoint((s, v, t, m) -> all.add(s, v, t));
        return all;
    }

    private static List<Long> steps(PointColumns p) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            out.add(p.step(i));
        }
        return out;
    }
}
