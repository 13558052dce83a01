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
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded database file compact. H2 writes every commit at once (WRITE_DELAY=0, so a
 * killed server loses nothing acknowledged), and with that setting it never compacts on its own:
 * under steady ingest the file would grow to about five times its live data. Every few seconds
 * this moves live pages out of mostly-empty chunks and truncates the file, within a short time
 * budget. Nothing to do on PostgreSQL.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedDatabaseMaintenance {

    /** Most time one compaction may take, in ms. */
    static final int BUDGET_MS = 300;

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabaseMaintenance.class.getName());

    @Inject
    private ToraDatabase database;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void compact() {
        if (database.kind() != DatabaseKind.H2) {
            return;
        }
        try (Connection c = database.dataSource().getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                store.compactFile(BUDGET_MS);
            }
        } catch (SQLException | RuntimeException e) {
            // Compaction is an optimisation; a failed pass is retried at the next one.
            LOG.log(System.Logger.Level.DEBUG, "H2 compaction skipped", e);
        }
    }
}
