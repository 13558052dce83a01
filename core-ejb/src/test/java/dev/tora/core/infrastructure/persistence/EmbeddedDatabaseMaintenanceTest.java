package dev.tora.core.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The housekeeping on a real H2 file written the way ingest writes it: one commit per batch, each
 * adding a row of chunk data and updating a hot row, so that every commit leaves a file chunk whose
 * B-tree pages the next commits supersede.
 */
class EmbeddedDatabaseMaintenanceTest {

    private static final int ROWS = 4_000;
    private static final int ROW_BYTES = 8_000;

    @TempDir
    Path dir;
    private DatabaseTarget target;
    private Path file;

    @BeforeEach
    void database() {
        target = DatabaseTarget.embedded(dir.resolve("tora").toString());
        file = dir.resolve("tora.mv.db");
    }

    @Test
    void idlePassesShrinkTheFileToItsLiveDataAndKeepEveryRow() throws Exception {
        try (Connection c = openWritten()) {
            long written = Files.size(file);
            long live = (long) ROWS * ROW_BYTES;
            assertTrue(written > 3 * live, "the write pattern leaves superseded pages: " + written);

            MVStore store = store(c);
            for (int pass = 0; pass < 200 && Files.size(file) > 2 * live; pass++) {
                EmbeddedDatabaseMaintenance.compact(store, true);
            }
            long compacted = Files.size(file);
            assertTrue(compacted <= 2 * live, "file of " + compacted + " bytes for " + live + " live bytes");
            assertEquals(checksum(ROWS), checksum(c));
            assertEquals(store.getRetentionTime(), store.getFileStore().getDefaultRetentionTime(),
                    "an idle pass restores H2's retention time");
        }
        // Reopened from the file alone: nothing was lost or corrupted by the moves.
        try (Connection c = target.createDataSource().getConnection()) {
            assertEquals(checksum(ROWS), checksum(c));
        }
    }

    @Test
    void aBusyPassKeepsChunksWithinTheRetentionTime() throws Exception {
        try (Connection c = openWritten()) {
            long written = Files.size(file);
            EmbeddedDatabaseMaintenance.compact(store(c), false);
            // Every chunk is younger than H2's 45 s, so nothing may be rewritten or freed yet.
            assertTrue(Files.size(file) >= written, "file shrank from " + written + " to " + Files.size(file));
            assertEquals(checksum(ROWS), checksum(c));
        }
    }

    private static MVStore store(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /** A connection to the database after the writes. */
    private Connection openWritten() throws SQLException {
        Connection c = target.createDataSource().getConnection();
        write(c);
        return c;
    }

    private static void write(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE chunk (id BIGINT PRIMARY KEY, data VARBINARY(100000) NOT NULL)");
            s.execute("CREATE TABLE series (id BIGINT PRIMARY KEY, chunks BIGINT NOT NULL, tail VARBINARY(100000))");
            s.execute("INSERT INTO series VALUES (1, 0, NULL)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement chunk = c.prepareStatement("INSERT INTO chunk VALUES (?, ?)");
                PreparedStatement series = c.prepareStatement("UPDATE series SET chunks = ?, tail = ? WHERE id = 1")) {
            for (int i = 0; i < ROWS; i++) {
                chunk.setLong(1, i);
                chunk.setBytes(2, row(i));
                chunk.executeUpdate();
                series.setLong(1, i + 1);
                series.setBytes(2, row(-i));
                series.executeUpdate();
                c.commit();
            }
        }
        c.setAutoCommit(true);
    }

    private static byte[] row(int i) {
        byte[] b = new byte[ROW_BYTES];
        new Random(i).nextBytes(b);
        return b;
    }

    private static long checksum(int rows) {
        long sum = 0;
        for (int i = 0; i < rows; i++) {
            sum = sum * 31 + java.util.Arrays.hashCode(row(i));
        }
        return sum;
    }

    private static long checksum(Connection c) throws SQLException {
        long sum = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT data FROM chunk ORDER BY id")) {
            while (rs.next()) {
                sum = sum * 31 + java.util.Arrays.hashCode(rs.getBytes(1));
            }
        }
        return sum;
    }
}
