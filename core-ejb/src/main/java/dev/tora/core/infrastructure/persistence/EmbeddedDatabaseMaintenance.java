package dev.tora.core.infrastructure.persistence;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps the embedded database file compact. H2 writes every commit at once (WRITE_DELAY=0, so a
 * killed server loses nothing acknowledged), and with that setting its background housekeeping
 * never runs: under steady ingest the file would grow to four or five times its live data. Every
 * ten seconds this does that housekeeping within a time budget: it rewrites chunks that are mostly
 * dead (once they are older than H2's retention time) and moves live chunks together so the file
 * shrinks. While clients write hard it waits, unless the file is mostly empty space, so that
 * housekeeping does not slow an ingest burst down. Nothing to do on PostgreSQL.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedDatabaseMaintenance {

    /** Most time one pass may take, in ms. */
    static final long BUDGET_MS = 500;
    /** Chunks or files less full than this (percent) are compacted. */
    static final int TARGET_FILL_RATE = 80;
    /** More commits than this between two passes means clients are writing hard. */
    static final long BUSY_COMMITS = 200;
    /** Below this file fill rate (percent), housekeeping runs even while clients write hard. */
    static final int URGENT_FILL_RATE = 25;

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabaseMaintenance.class.getName());

    @Inject
    private ToraDatabase database;

    private long lastVersion = -1;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void compact() {
        if (database.kind() != DatabaseKind.H2) {
            return;
        }
        // A connection of our own, not the pool's: Payara's wrappers only unwrap to interfaces. H2
        // shares the open database between the connections of one JVM.
        try (Connection c = DatabaseTarget.fromSettings().createDataSource().getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                long version = store.getCurrentVersion();
                boolean busy = lastVersion >= 0 && version - lastVersion > BUSY_COMMITS;
                lastVersion = version;
                if (!busy || store.getFileStore().getFillRate() < URGENT_FILL_RATE) {
                    compact(store);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // Compaction is an optimisation; a failed pass is retried at the next one.
            LOG.log(System.Logger.Level.WARNING, "H2 compaction skipped: " + e);
        }
    }

    /** One bounded housekeeping pass over {@code store}. */
    static void compact(MVStore store) {
        FileStore<?> file = store.getFileStore();
        long stopAt = System.nanoTime() + BUDGET_MS * 1_000_000L;
        boolean rewrote;
        do {
            rewrote = store.compact(TARGET_FILL_RATE, 16 << 20);
            if (rewrote) {
                // Rewritten pages reach the file with the next store, which no commit may bring.
                store.commit();
            }
            if (file instanceof RandomAccessStore random) {
                // Frees chunks that died since the last pass, then closes gaps when the file is sparse.
                random.compactMoveChunks(TARGET_FILL_RATE, 64L << 20, store);
            }
        } while (rewrote && System.nanoTime() < stopAt);
    }
}
