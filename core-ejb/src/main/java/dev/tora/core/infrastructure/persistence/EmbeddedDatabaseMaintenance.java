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
 * never runs: every commit leaves a chunk in the file whose B-tree pages later commits supersede,
 * so under steady ingest the file grows to about six times its live data. Every two seconds this
 * does that housekeeping within a time budget: it frees dead chunks, rewrites the live pages of
 * mostly dead ones into the holes (in small steps, so that the new chunks fit there rather than at
 * the end of the file), and once nothing is left to rewrite moves the chunks still sitting behind
 * free space forward so the file shrinks.
 *
 * <p>While clients write hard it waits, so that housekeeping never slows an ingest burst down.
 * When no client wrote since the last pass, the pass ignores H2's retention time (which keeps
 * superseded chunks for 45 s in case the disk loses its write buffers) and forces the file to disk
 * when it ends, as H2's own {@code SHUTDOWN COMPACT} does: then a large file shrinks to its live
 * data within about a minute of the ingest stopping. Nothing to do on PostgreSQL.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedDatabaseMaintenance {

    /** Most time one pass may spend rewriting, in ms. */
    static final long BUDGET_MS = 500;
    /** Chunks less full than this (percent) are rewritten; files less full, moved together. */
    static final int TARGET_FILL_RATE = 80;
    /** Live bytes one rewrite step copies: small enough for the new chunk to fit a hole. */
    static final int REWRITE_BYTES = 1 << 20;
    /** Chunk bytes one move step copies towards the start of the file. */
    static final long MOVE_BYTES = 16L << 20;
    /** More commits than this between two passes means clients are writing hard. */
    static final long BUSY_COMMITS = 40;
    /** At most this many commits between two passes (a slow logger) counts as idle. */
    static final long IDLE_COMMITS = 2;

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabaseMaintenance.class.getName());

    @Inject
    private ToraDatabase database;

    private long lastVersion = -1;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void compact() {
        if (database.kind() != DatabaseKind.H2) {
            return;
        }
        // A connection of our own, not the pool's: Payara's wrappers only unwrap to interfaces. H2
        // shares the open database between the connections of one JVM.
        try (Connection c = DatabaseTarget.fromSettings().createDataSource().getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                long commits = lastVersion < 0 ? 0 : store.getCurrentVersion() - lastVersion;
                if (commits <= BUSY_COMMITS) {
                    compact(store, commits <= IDLE_COMMITS);
                }
                // Taken after the pass, so that its own commits do not count as the clients'.
                lastVersion = store.getCurrentVersion();
            }
        } catch (SQLException | RuntimeException e) {
            // Compaction is an optimisation; a failed pass is retried at the next one.
            LOG.log(System.Logger.Level.WARNING, "H2 compaction skipped: " + e);
        }
    }

    /** One bounded housekeeping pass over {@code store}; {@code idle} when no client is writing. */
    static void compact(MVStore store, boolean idle) {
        int retention = store.getRetentionTime();
        long version = store.getCurrentVersion();
        if (idle) {
            store.setRetentionTime(0);
        }
        try {
            compact(store);
        } finally {
            if (idle) {
                store.setRetentionTime(retention);
                if (store.getCurrentVersion() != version) {
                    store.sync();
                }
            }
        }
    }

    private static void compact(MVStore store) {
        FileStore<?> file = store.getFileStore();
        long stopAt = System.nanoTime() + BUDGET_MS * 1_000_000L;
        boolean rewrote;
        do {
            // Dead chunks first, so that the rewritten pages land in the holes they leave.
            file.dropUnusedChunks();
            rewrote = store.compact(TARGET_FILL_RATE, REWRITE_BYTES);
            if (rewrote) {
                // Rewritten pages reach the file with the next store, which no commit may bring.
                store.commit();
            }
        } while (rewrote && System.nanoTime() < stopAt);
        if (!rewrote && file instanceof RandomAccessStore random) {
            // Nothing left worth rewriting: close the gaps (a no-op once the file is mostly full).
            random.compactMoveChunks(TARGET_FILL_RATE, MOVE_BYTES, store);
        }
    }
}
