package dev.tora.core.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Tora's own JTA datasource (defined on {@code ApplicationStartup}). Payara pools it;
 * {@link ToraDataSource} chooses H2 or PostgreSQL from the settings, so the same archive runs on
 * both.
 */
@ApplicationScoped
public class ToraDatabase {

    /** Where the datasource is bound. */
    public static final String JNDI_NAME = "java:app/jdbc/tora";

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    private final DatabaseKind kind = DatabaseTarget.fromSettings().kind();

    /** The pooled, transaction-enlisted datasource. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database it is. */
    public DatabaseKind kind() {
        return kind;
    }
}
