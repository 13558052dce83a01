package dev.tora.core.infrastructure.persistence;

import dev.tora.core.config.DataDirectory;
import dev.tora.core.config.Setting;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Which database the settings point at, and how to open it. */
public record DatabaseTarget(DatabaseKind kind, String url, String user, String password) {

    /**
     * H2 options: WRITE_DELAY=0 writes every commit to the file before the commit returns, so a
     * killed server loses no acknowledged batch; LOCK_TIMEOUT lets concurrent writers of one series
     * queue instead of failing; a larger QUERY_CACHE_SIZE keeps every statement of a batch parsed.
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=20000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";

    /** The target the current settings select. */
    public static DatabaseTarget fromSettings() {
        return Setting.DATABASE_URL.value()
                .map(url -> new DatabaseTarget(DatabaseKind.ofUrl(url), url,
                        Setting.DATABASE_USER.value().orElse(null),
                        Setting.DATABASE_PASSWORD.value().orElse(null)))
                .orElseGet(() -> embedded(DataDirectory.database().resolve("tora").toString()));
    }

    /** The embedded H2 database stored in files starting with {@code pathPrefix}. */
    public static DatabaseTarget embedded(String pathPrefix) {
        return new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:file:" + pathPrefix + H2_OPTIONS, "tora", "");
    }

    /** A new unpooled DataSource for this target. */
    public DataSource createDataSource() {
        return switch (kind) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url);
                h2.setUser(user == null ? "" : user);
                h2.setPassword(password == null ? "" : password);
                yield h2;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                if (user != null) {
                    pg.setUser(user);
                }
                if (password != null) {
                    pg.setPassword(password);
                }
                pg.setReWriteBatchedInserts(true);
                yield pg;
            }
        };
    }

    @Override
    public String toString() {
        // never print the password
        return kind.id() + " " + url;
    }
}
