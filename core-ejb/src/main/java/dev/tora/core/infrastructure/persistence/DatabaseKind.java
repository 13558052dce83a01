package dev.tora.core.infrastructure.persistence;

import java.util.Locale;

/** The databases Tora runs on. */
public enum DatabaseKind {
    /** Embedded H2 in file mode, the default. */
    H2,
    /** PostgreSQL, for teams and several instances. */
    POSTGRESQL;

    /** Lower-case name as the API reports it and migration folders are named. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a JDBC URL points at. */
    public static DatabaseKind ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException(
                "TORA_DATABASE_URL must start with jdbc:postgresql: (or jdbc:h2:), got " + jdbcUrl);
    }
}
