package dev.tora.core.infrastructure.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the versioned schema migrations of the database's own folder. Flyway takes a database
 * lock (an advisory lock on PostgreSQL), so several instances starting together migrate once.
 */
public final class DatabaseMigrations {

    private static final System.Logger LOG = System.getLogger(DatabaseMigrations.class.getName());

    private DatabaseMigrations() {
    }

    /** Brings the schema up to date. */
    public static MigrateResult migrate(DataSource dataSource, DatabaseKind kind) {
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + kind.id())
                .table("schema_history")
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "database schema at version {0} ({1} migrations applied)",
                result.targetSchemaVersion, result.migrationsExecuted);
        return result;
    }
}
